# app/services/stormpath_error_handler.rb
#
# Turns Stormpath::Error into something the signup form can show, and alerts
# ops when the tenant's custom SMTP server stops working.
module Acme
  class StormpathErrorHandler
    SESSION_TTL = 7200 # seconds; keep equal to the OAuth policy's accessTokenTtl

    # Stormpath error codes
    REQUIRED_FIELD = [2000].freeze
    EMAIL_DOMAIN_POLICY = [7205, 7206].freeze
    SMTP_UNREACHABLE = 13000

    def initialize(form, notifier: OpsNotifier.new)
      @form = form
      @notifier = notifier
    end

    def handle(error)
      case error.code
      when *REQUIRED_FIELD
        @form.errors.add(:base, I18n.t('signup.errors.missing_field'))
      when *EMAIL_DOMAIN_POLICY
        @form.errors.add(:email, I18n.t('signup.errors.domain_not_allowed'))
      when SMTP_UNREACHABLE
        @notifier.page!(:smtp, "Stormpath cannot reach our SMTP relay: #{error.developer_message}")
        @form.errors.add(:base, I18n.t('signup.errors.try_later'))
      else
        Rails.logger.error("[Stormpath] unhandled #{error.status}/#{error.code}: #{error.developer_message}")
        raise error
      end
    end
  end
end
