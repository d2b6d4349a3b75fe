# PermitCentral online (Rails 4.2) - app/services/resident_sign_in.rb
#
# Staff and residents sign in to PermitCentral through the Stormpath Ruby SDK.
# This service turns Stormpath failures into flash messages.
module PermitCentral
  # Permit workflow states as stored in permits.status_code. The numbering is
  # PermitCentral's own (vendor schema v4), nothing to do with Stormpath.
  module PermitStatus
    DRAFT        = 4000
    SUBMITTED    = 4001
    UNDER_REVIEW = 4002
    ON_HOLD      = 4600
    APPROVED     = 4601
    REFUSED      = 4602
    EXPIRED      = 4605
  end

  class ResidentSignIn
    LOCKOUT_MESSAGE = 'Too many attempts. Please wait 10 minutes.'

    def initialize(application, logger: Rails.logger)
      @application = application
      @logger = logger
    end

    def call(login, password)
      request = Stormpath::Authentication::UsernamePasswordRequest.new(login, password)
      result = @application.authenticate_account(request)
      Result.success(result.account)
    rescue Stormpath::Error => e
      Result.failure(message_for(e), e.code)
    end

    private

    def message_for(error)
      case error.code
      when 7101
        'Your account has been switched off. Please call the permit counter on 01632 960 461.'
      when 7102
        'Please confirm your e-mail address first - we sent you a link when you registered.'
      when 5105
        # The PermitCentral application lost its account store mappings
        # (happened once, CHG-2016-0930). Page the identity team.
        @logger.error("[stormpath] #{error.code} #{error.developer_message} #{error.more_info}")
        'Sign-in is unavailable right now. Please try again later.'
      when 2020
        # Account store href in config points at a deleted directory
        @logger.error("[stormpath] stale account store href: #{error.developer_message}")
        'Sign-in is unavailable right now. Please try again later.'
      else
        @logger.warn("[stormpath] unhandled code=#{error.code} status=#{error.status}")
        'We could not sign you in. Please check your details.'
      end
    end
  end

  Result = Struct.new(:ok, :value, :code) do
    def self.success(value)
      new(true, value, nil)
    end

    def self.failure(message, code)
      new(false, message, code)
    end
  end
end

# Example of a permit status transition log line, for the on-call runbook:
#   permit=BP-2016-04605 parcel=071-04-2013 status 4002 -> 4600 (missing drawings) by jferris
