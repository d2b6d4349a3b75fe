# frozen_string_literal: true

# profile-svc/app/services/sms_factor_enrollment.rb
#
# Enrolls a member's mobile phone as an SMS second factor on their Stormpath
# account (Stormpath /factors and /challenges API, Oct 2016 onward), and sends
# the "your phone was added" confirmation text ourselves through Twilio.
#
# Called from the CV Online "Security settings" page and from CV Mobile 4.4+.

require 'stormpath-sdk'
require 'twilio-ruby'

module ProfileSvc
  class SmsFactorEnrollment
    Result = Struct.new(:ok, :reason, :factor_href, keyword_init: true)

    # Stormpath MFA errors from the factors / challenges API.
    STORMPATH_MFA_ERRORS = {
      13100 => :phone_already_verified,   # verified phone numbers cannot be modified
      13101 => :phone_invalid,            # Stormpath could not parse the number
      13102 => :phone_duplicate,          # that number is already on this account
      13108 => :code_expired,             # code no longer valid, issue a new one
      13113 => :too_many_attempts         # max failed codes for this challenge
    }.freeze

    # Twilio REST API error codes (Twilio's numbering, not Stormpath's) for the
    # confirmation text we send from our own Twilio number +1 319-555-0177.
    #   21211  invalid 'To' phone number
    #   21408  permission to send to this region not enabled
    #   21610  recipient replied STOP
    #   21614  'To' number is not a valid mobile number (landline)
    #   30003  unreachable destination handset
    #   30005  unknown destination handset
    #   30008  unknown error
    TWILIO_RETRYABLE = [30003, 30008].freeze
    TWILIO_GIVE_UP = [21211, 21408, 21610, 21614, 30005].freeze

    MAX_PHONES_PER_MEMBER = 3
    CHALLENGE_MESSAGE = 'Cedar Valley CU: your code is ${code}. We will never call you to ask for it.'

    def initialize(client: Stormpath::Client.new(api_key: Rails.application.secrets.stormpath_api_key),
                   twilio: Twilio::REST::Client.new,
                   logger: Rails.logger)
      @client = client
      @twilio = twilio
      @logger = logger
    end

    # phone_number: E.164, e.g. "+13195550143"
    def enroll(account_href, phone_number)
      account = @client.accounts.get(account_href)

      if account.factors.count >= MAX_PHONES_PER_MEMBER
        return Result.new(ok: false, reason: :too_many_phones)
      end

      factor = account.factors.create(
        { type: 'SMS', phone: { number: phone_number }, challenge: { message: CHALLENGE_MESSAGE } },
        challenge: true
      )
      send_confirmation(phone_number)
      Result.new(ok: true, factor_href: factor.href)
    rescue Stormpath::Error => e
      reason = STORMPATH_MFA_ERRORS.fetch(e.code, :unknown)
      @logger.warn(
        "[sms_factor] stormpath status=#{e.status} code=#{e.code} reason=#{reason} " \
        "request_id=#{e.request_id} dev=#{e.developer_message.inspect}"
      )
      Result.new(ok: false, reason: reason)
    end

    # code: the six digits the member typed, e.g. "633559"
    def verify(challenge_href, code)
      challenge = @client.challenges.get(challenge_href)
      challenge.code = code
      challenge.save # POST {"code":"633559"} -> status SUCCESS / FAILED
      Result.new(ok: challenge.status == 'SUCCESS', reason: challenge.status.downcase.to_sym)
    rescue Stormpath::Error => e
      reason = STORMPATH_MFA_ERRORS.fetch(e.code, :unknown)
      @logger.warn("[sms_factor] verify failed: stormpath code=#{e.code} reason=#{reason}")
      # 13108: the app shows "That code has expired" and offers "Send a new code".
      Result.new(ok: false, reason: reason)
    end

    private

    def send_confirmation(phone_number)
      attempts = 0
      begin
        attempts += 1
        @twilio.messages.create(
          from: '+13195550177',
          to: phone_number,
          body: 'Cedar Valley CU: this phone was added for sign-in codes. Not you? Call 800-555-0142.'
        )
      rescue Twilio::REST::RestError => e
        # e.code is Twilio's code, e.g. 21211 with message
        # "The 'To' number +1319555014 is not a valid phone number."
        if TWILIO_RETRYABLE.include?(e.code) && attempts < 3
          sleep(0.5 * attempts)
          retry
        end
        @logger.info("[sms_factor] confirmation text not sent: twilio #{e.code} #{e.message}") if TWILIO_GIVE_UP.include?(e.code)
        # The factor is already created; a failed courtesy text is not a failed enrollment.
        nil
      end
    end
  end
end
