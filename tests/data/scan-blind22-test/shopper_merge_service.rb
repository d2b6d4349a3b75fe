# frozen_string_literal: true
#
# support-desk/app/services/shopper_merge_service.rb
#
# Support agents use this from the "Merge shoppers" screen when someone has
# signed up twice (once with email, once with Facebook) and wants one basket
# history. We link the two Stormpath accounts and copy agent notes into the
# surviving account's customData.
#
# Rails 4.2, stormpath-sdk 1.1.x. Owner: #team-care-tools

class ShopperMergeService
  NOTES_KEY        = 'supportNotes'
  MAX_NOTES        = 50
  SIDEKIQ_RETRIES  = 3
  HTTP_TIMEOUT_S   = 8

  # Stormpath account-link errors we can explain to an agent. Anything else
  # goes to Sentry.
  LINK_ERRORS = {
    7500 => 'These two shoppers are already merged.',
    7501 => 'You picked the same shopper twice.',
    7504 => 'Both logins are in the same directory, so they cannot be linked. Ask tier 2 to merge by hand.',
    7505 => 'The Facebook login is already merged into another shopper. Unmerge that first.'
  }.freeze

  # customData errors that mean the notes payload itself is bad, not Stormpath.
  BAD_NOTES = %w[3002 3004].freeze

  Result = Struct.new(:ok, :message, :link_href)

  def initialize(agent:, primary:, secondary:, client: StormpathClient.instance)
    @agent     = agent
    @primary   = primary
    @secondary = secondary
    @client    = client
  end

  def call
    return Result.new(false, 'Pick two different shoppers.') if @primary.href == @secondary.href

    link = Timeout.timeout(HTTP_TIMEOUT_S) do
      @client.account_links.create(
        left_account:  { href: @primary.href },
        right_account: { href: @secondary.href }
      )
    end
    copy_notes!
    AuditLog.record(@agent, :merge_shoppers, left: @primary.href, right: @secondary.href)
    Result.new(true, 'Shoppers merged.', link.href)
  rescue Stormpath::Error => e
    Rails.logger.warn("[merge] Stormpath #{e.status} code=#{e.code} request=#{e.request_id}")
    if LINK_ERRORS.key?(e.code)
      Result.new(false, LINK_ERRORS.fetch(e.code))
    elsif BAD_NOTES.include?(e.code.to_s)
      Result.new(false, 'The support notes on this shopper are too large or have a bad key. Tidy them up and retry.')
    elsif e.status == 409
      Result.new(false, 'Someone else is editing this shopper. Try again in a minute.')
    else
      Raven.capture_exception(e, extra: { agent: @agent.email })
      Result.new(false, 'Merge failed. Tier 2 has been notified.')
    end
  end

  private

  def copy_notes!
    notes = Array(@secondary.custom_data[NOTES_KEY]) + Array(@primary.custom_data[NOTES_KEY])
    notes = notes.uniq { |n| n['at'] }.last(MAX_NOTES)
    notes << { 'at' => Time.now.utc.iso8601, 'by' => @agent.email, 'text' => "Merged #{@secondary.email}" }
    @primary.custom_data[NOTES_KEY] = notes
    @primary.custom_data.save
  end
end
