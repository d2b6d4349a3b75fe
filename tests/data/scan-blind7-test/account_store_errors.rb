# lib/idp/account_store_errors.rb
# Added 2014-06-18 by @mfarrugia -- tenant provisioning job (Resque)
#
# Provisioning creates an application per customer and maps their directory.
# Stormpath says no in a handful of well-known ways; everything else is retried.

module Idp
  class AccountStoreErrors
    RETRY_LIMIT   = 4
    BACKOFF_SECS  = [5, 30, 120, 600]
    SMTP_MAILBOX_UNAVAILABLE = 550 # from the welcome-mail step, not Stormpath

    def self.handle(error, job)
      case error
      when Stormpath::Error
        case error.code
        when 5100, 5101
          # no default account store / it's disabled: fix mapping and retry now
          job.remap_default_store!
          :retry_now
        when 5104
          :ignore # already mapped, nothing to do
        when 5114
          job.alert!("account store #{job.store_href} not assigned to app")
          :fail
        else
          job.attempts < RETRY_LIMIT ? :retry_later : :fail
        end
      when Net::SMTPFatalError
        error.message.start_with?(SMTP_MAILBOX_UNAVAILABLE.to_s) ? :ignore : :fail
      else
        :retry_later
      end
    end
  end
end
