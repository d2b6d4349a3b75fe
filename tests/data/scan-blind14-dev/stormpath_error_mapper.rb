# frozen_string_literal: true

# app/services/stormpath_error_mapper.rb
#
# Referral programme site (refer.halcyonrooftop.com, Rails 4.2).
# Running since spring 2015. Homeowners who refer a neighbour get a $250
# credit; they sign up through Stormpath, so registration errors land here
# first.
#
# Stormpath::Error exposes #status, #code, #developer_message, #more_info.
class StormpathErrorMapper
  Result = Struct.new(:http_status, :i18n_key, :page_ops)

  # Errors the visitor can do something about.
  USER_FACING = {
    2001 => :'referrals.errors.email_taken',
    7102 => :'referrals.errors.verify_first',
    6101 => :'referrals.errors.verification_off'
  }.freeze

  # Tenant configuration problems. The visitor cannot fix these, ops must.
  CONFIG_PROBLEMS = [5100, 5101].freeze

  def self.call(error)
    case error.code
    when 2001
      Result.new(409, USER_FACING[2001], false)
    when 7102
      Result.new(403, USER_FACING[7102], false)
    when 6101
      # directory has no verification workflow; we still want the lead
      Result.new(202, USER_FACING[6101], true)
    when *CONFIG_PROBLEMS
      Honeybadger.notify(error, context: { code: error.code, more_info: error.more_info })
      Result.new(503, :'referrals.errors.try_later', true)
    else
      Rails.logger.warn("[stormpath] #{error.status}/#{error.code} #{error.developer_message}")
      Result.new(502, :'referrals.errors.try_later', false)
    end
  end
end

# app/workers/referral_credit_worker.rb
class ReferralCreditWorker
  include Sidekiq::Worker
  sidekiq_options queue: :credits, retry: 12

  CREDIT_CENTS = 25_000
  TWILIO_INVALID_NUMBER = 21_211

  def perform(referral_id)
    referral = Referral.find(referral_id)
    Referral.transaction do
      referral.lock!
      return if referral.credited?

      Credit.create!(homeowner_id: referral.referrer_id, amount_cents: CREDIT_CENTS)
      referral.update!(credited_at: Time.current)
    end
    notify(referral)
  rescue ActiveRecord::RecordNotUnique => e
    # PG::UniqueViolation, SQLSTATE 23505: credit already written by a parallel run
    Rails.logger.info("[credits] duplicate for referral #{referral_id}: #{e.message}")
  rescue Net::OpenTimeout, Net::ReadTimeout
    raise # let Sidekiq retry
  end

  private

  def notify(referral)
    TwilioClient.messages.create(
      from: ENV.fetch('TWILIO_FROM'),
      to: referral.referrer_phone,
      body: "Thanks! A $250 credit was added to your Halcyon account."
    )
  rescue Twilio::REST::RequestError => e
    raise unless e.code == TWILIO_INVALID_NUMBER

    Rails.logger.info("[credits] skipping SMS, bad number for referral #{referral.id}")
  end
end

# config/initializers/cache_store.rb (excerpt)
# Rails.application.config.cache_store = :dalli_store, 'cache01.halcyon.local:11211',
#   { namespace: 'refer', expires_in: 1.hour, compress: true, socket_timeout: 0.5 }
