# frozen_string_literal: true
#
# app/workers/vaccine_reminder_worker.rb  (brightpaw-reminders)
#
# Nightly: walk pet-owner accounts changed since the last run, read their reminder
# preferences from Stormpath customData, and queue e-mail/SMS reminders for rabies,
# DHPP and Bordetella boosters due in the next 30 days.
#
# Rosa Delgado, 2015-11.  Twilio fallback added 2016-05 (BPVG-702).

require 'stormpath-sdk'
require 'sidekiq'
require 'twilio-ruby'

class VaccineReminderWorker
  include Sidekiq::Worker
  sidekiq_options queue: :reminders, retry: 25

  PAGE_SIZE        = 100
  LOOKAHEAD_DAYS   = 30
  REDIS_URL        = ENV.fetch('REDIS_URL', 'redis://reminders-redis:6379/2')
  STORMPATH_PAUSE  = 0.25 # seconds between pages, we got 429s in Dec 2015

  # Twilio REST error codes we treat as "owner opted out / bad number" (not retried)
  TWILIO_PERMANENT = [21211, 21610, 21614].freeze

  # What to do with Stormpath errors while walking accounts.
  #   :skip  -> log and move on to the next owner
  #   :abort -> stop the run; someone has to fix the query or the data
  STORMPATH_ERROR_POLICY = {
    2014 => :skip,   # group href on the owner points at a deleted clinic group
    2020 => :skip,   # account deleted between listing and fetch
    3003 => :abort,  # someone tried to save customData["meta"] again
    2103 => :abort,  # bad modifiedAt criteria (see run log 2016-02-09)
    2104 => :abort,  # orderBy typo
  }.freeze

  def perform(since_iso8601)
    client = Stormpath::Client.new(api_key: { id: ENV['STORMPATH_API_KEY_ID'], secret: ENV['STORMPATH_API_KEY_SECRET'] })
    app = client.applications.get(ENV['STORMPATH_REMINDERS_APP_HREF'])

    accounts = app.accounts.search(modified_at: "[#{since_iso8601},]")
                  .order('modifiedAt asc')
                  .limit(PAGE_SIZE)

    accounts.each do |account|
      begin
        queue_reminders_for(account)
      rescue Stormpath::Error => e
        policy = STORMPATH_ERROR_POLICY.fetch(e.code, :abort)
        logger.warn("stormpath #{e.code} for #{account.href}: #{e.developer_message} -> #{policy}")
        raise if policy == :abort
      end
      sleep STORMPATH_PAUSE
    end
  end

  private

  def queue_reminders_for(account)
    prefs = account.custom_data['reminders'] || {}
    return if prefs['optOut']

    due = Vaccines.due_within(account.custom_data['petIds'] || [], LOOKAHEAD_DAYS)
    due.each do |vaccine|
      if prefs['channel'] == 'sms' && account.custom_data['mobile']
        send_sms(account.custom_data['mobile'], vaccine)
      else
        ReminderMailer.booster_due(account.email, vaccine).deliver_later
      end
    end
  end

  def send_sms(number, vaccine)
    twilio.messages.create(from: '+15415550100', to: number, body: vaccine.sms_text)
  rescue Twilio::REST::RestError => e
    raise unless TWILIO_PERMANENT.include?(e.code)
    logger.info("twilio #{e.code} for #{number}; marking number bad")
  end

  def twilio
    @twilio ||= Twilio::REST::Client.new(ENV['TWILIO_SID'], ENV['TWILIO_TOKEN'])
  end
end
