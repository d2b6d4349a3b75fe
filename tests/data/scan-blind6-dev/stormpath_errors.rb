# app/services/stormpath_errors.rb
#
# Wraps Stormpath::Error for the admin onboarding flow.
# -- Harbor & Finch, 2014
module StormpathErrors
  PAGE_SIZE        = 25
  SESSION_TIMEOUT  = 30.minutes
  LDAP_INVALID_CREDENTIALS = 49 # resultCode from our own OpenLDAP, not Stormpath

  class MisconfiguredApplication < StandardError; end

  def self.handle(error)
    case error.code
    when 5100, 5101
      # no (enabled) default account store -- ops has to fix the app in the console
      raise MisconfiguredApplication, "Stormpath app has no usable default account store (#{error.code})"
    when 5105, 4605
      Rails.logger.error "[stormpath] no account stores mapped at all: #{error.developer_message}"
      :no_account_stores
    else
      Rails.logger.warn "[stormpath] #{error.status} / #{error.code}: #{error.message}"
      :unknown
    end
  end
end
