# app/services/account_linker.rb
#
# Links a customer's social-login account (Google, Facebook) with the password account they
# already had, using Stormpath account links (POST /v1/accountLinks).
class AccountLinker
  MAX_RETRIES = 2

  Result = Struct.new(:ok, :message_key, :link_href)

  def initialize(client: Stormpath::Client.new(api_key: ENV.fetch('STORMPATH_API_KEY_FILE')))
    @client = client
  end

  def link(left_account, right_account)
    attempts = 0
    begin
      link = @client.account_links.create(
        left_account: { href: left_account.href },
        right_account: { href: right_account.href }
      )
      Result.new(true, 'account_links.created', link.href)
    rescue Stormpath::Error => e
      case e.code
      when 7500
        # Already linked: Stormpath tells us where the existing link is.
        Result.new(true, 'account_links.already_linked', e.response_headers && e.response_headers['Location'])
      when 7501, 7502
        Rails.logger.error("account link request invalid (#{e.code}): #{e.developer_message}")
        Result.new(false, 'account_links.internal_error', nil)
      when 7503
        Result.new(false, 'account_links.too_many_links', nil)
      else
        attempts += 1
        retry if attempts <= MAX_RETRIES && e.status.to_i >= 500
        raise
      end
    end
  end
end
