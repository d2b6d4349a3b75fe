# frozen_string_literal: true

# lib/legacy_idp/stormpath_errors.rb
#
# Numeric Stormpath error codes the provisioning job cares about.
# See the old reference (docs.stormpath.com/rest/product-guide/latest/errors.html).
module LegacyIdp
  module StormpathErrors
    NO_DEFAULT_ACCOUNT_STORE     = 5100
    ACCOUNT_STORE_ALREADY_MAPPED = 5104
    ACCOUNT_STORE_NOT_ASSIGNED   = 5114
    PASSWORD_RESET_APP_DISABLED  = 5115

    RETRYABLE = [].freeze
  end

  class ProvisioningJob
    CACHE_TTL     = 1800   # seconds
    PAGE_LIMIT    = 100
    MAX_PAGES     = 1000
    READ_TIMEOUT  = 60
    SCHEDULE_HOUR = 3

    def perform(tenant)
      tenant.applications.each do |app|
        begin
          map_default_store(app)
        rescue Stormpath::Error => e
          case e.code
          when StormpathErrors::ACCOUNT_STORE_ALREADY_MAPPED
            next
          when StormpathErrors::NO_DEFAULT_ACCOUNT_STORE, StormpathErrors::ACCOUNT_STORE_NOT_ASSIGNED
            notify_ops(app, e)
          else
            raise
          end
        rescue Net::ReadTimeout
          retry_later(app, wait: READ_TIMEOUT)
        end
      end
    end
  end
end
