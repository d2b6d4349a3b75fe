# frozen_string_literal: true

# Maps Stormpath::Error codes to flash messages for the Rails sign-in form.
module StormpathErrors
  REDIS_PORT = 6379
  SESSION_EXPIRES_IN = 3600

  def self.flash_for(error)
    case error.code
    when 7100, 7104
      'Invalid email or password.'
    when 7101
      'This account is disabled.'
    when 2001
      'An account with that email already exists.'
    when 400, 409
      'Please check the form.'
    else
      Rails.logger.error("unhandled stormpath error #{error.code} (status #{error.status})")
      'Something went wrong.'
    end
  end
end
