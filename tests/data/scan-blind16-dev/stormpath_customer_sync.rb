# frozen_string_literal: true

# kestrel-pay: lib/kestrel_pay/stormpath_customer_sync.rb
#
# Keeps the link between a Kestrel Club member (a Stormpath account) and
# their Braintree customer. The Braintree customer id is stored in the
# account's customData so that Perch can offer saved cards at checkout.
# Corporate travel bookers are created here too, in the "Corporate Bookers"
# directory, which only accepts whitelisted company domains.
#
# Two sets of numbers appear in this file. Keep them apart:
#   - Stormpath error codes (StormpathErrors) from the stormpath-sdk gem
#   - Braintree processor response codes (BRAINTREE_*), which are card
#     results from the payment gateway and have nothing to do with identity.

require 'stormpath-sdk'
require 'braintree'

module KestrelPay
  class StormpathCustomerSync
    # Stormpath error codes we expect from this job.
    module StormpathErrors
      INVALID_VALUE        = 2002 # e.g. a malformed email on a corporate booker
      BAD_CUSTOM_DATA_NAME = 3002 # customData keys may not contain '.'
      DOMAIN_BLACKLISTED   = 7205
      DOMAIN_NOT_WHITELISTED = 7206
    end

    # Braintree processor responses that are worth one retry with the same card.
    BRAINTREE_SOFT_DECLINES = [2000, 2001, 2038, 2046].freeze # do not honor, insufficient funds, ...
    # Braintree processor responses where we must ask for another card.
    BRAINTREE_HARD_DECLINES = [2004, 2005, 2010, 2014, 2015].freeze

    CUSTOM_DATA_KEY = 'braintree_customer_id' # was 'braintree.customer_id' until PAY-2017

    def initialize(stormpath_client:, corporate_directory_href:, logger:)
      @client = stormpath_client
      @corporate_directory = stormpath_client.directories.get(corporate_directory_href)
      @logger = logger
    end

    # Store the Braintree customer id on the Stormpath account.
    def link(account_href, braintree_customer_id)
      account = @client.accounts.get(account_href)
      account.custom_data[CUSTOM_DATA_KEY] = braintree_customer_id
      account.custom_data.save
      :linked
    rescue Stormpath::Error => e
      case e.code
      when StormpathErrors::BAD_CUSTOM_DATA_NAME
        @logger.error("customData key rejected for #{account_href}: #{e.developer_message}")
        :bad_key
      else
        raise
      end
    end

    # Create a corporate booker account for a company that has a travel contract.
    def create_corporate_booker(email:, given_name:, surname:, company:)
      @corporate_directory.accounts.create(
        email: email, given_name: given_name, surname: surname,
        password: SecureRandom.base64(24),
        custom_data: { 'company' => company }
      )
    rescue Stormpath::Error => e
      case e.code
      when StormpathErrors::DOMAIN_BLACKLISTED, StormpathErrors::DOMAIN_NOT_WHITELISTED
        # "Cannot create the Account because your email's domain is not allowed."
        @logger.warn("corporate booker refused (#{e.code}) for #{company}: #{email}")
        :domain_not_allowed
      when StormpathErrors::INVALID_VALUE
        :invalid_email
      else
        @logger.error("Stormpath #{e.status}/#{e.code}: #{e.developer_message} (#{e.more_info})")
        raise
      end
    end

    # Used by the checkout: decide what to tell the customer after a decline.
    def self.decline_action(processor_response_code)
      code = processor_response_code.to_i
      return :retry_once if BRAINTREE_SOFT_DECLINES.include?(code)
      return :other_card if BRAINTREE_HARD_DECLINES.include?(code)

      :contact_bank
    end
  end
end
