# frozen_string_literal: true

# app/services/partner_login_service.rb
#
# Login for the partner portal (partners.tidewater-games.com): retail and
# streaming partners each get a Stormpath Organization; the org's nameKey is
# the subdomain they log in from (e.g. "gamestop-nw").
#
# Owner: platform team. Questions -> #twid on Slack.
class PartnerLoginService
  # Stormpath error codes (Stormpath::Error#code)
  BAD_CREDENTIALS   = [7100, 7104].freeze
  ACCOUNT_BLOCKED   = [7101, 7103].freeze
  ORG_NO_STORES     = 4605
  ORG_UNKNOWN_NAMEKEY = 11001

  # Mysql2::Error#error_number values that mean "try again on a fresh connection"
  RETRYABLE_MYSQL = [2002, 2006, 2013, 1213].freeze

  MAX_ATTEMPTS      = 3
  HTTP_OPEN_TIMEOUT = 5   # seconds
  HTTP_READ_TIMEOUT = 30  # seconds
  AUDIT_QUEUE_RETRY = 25  # Sidekiq default

  Result = Struct.new(:ok, :account, :error_key, :http_status)

  def initialize(application: Stormpath::Rails::Client.application, audit: PartnerAudit)
    @application = application
    @audit = audit
  end

  def call(login:, password:, name_key:)
    attempts = 0
    begin
      attempts += 1
      request = Stormpath::Authentication::UsernamePasswordRequest.new(
        login, password, organization_name_key: name_key
      )
      account = @application.authenticate_account(request).account
      record_login(account, name_key)
      Result.new(true, account, nil, 200)
    rescue Stormpath::Error => e
      handle_stormpath(e, login, name_key)
    rescue Mysql2::Error => e
      raise unless RETRYABLE_MYSQL.include?(e.error_number) && attempts < MAX_ATTEMPTS

      Rails.logger.warn("[partner-login] mysql #{e.error_number} (#{e.message}), attempt #{attempts}/#{MAX_ATTEMPTS}")
      sleep(0.25 * attempts)
      retry
    rescue Net::ReadTimeout, Net::OpenTimeout
      Result.new(false, nil, 'partner.login.unavailable', 503)
    end
  end

  private

  def handle_stormpath(e, login, name_key)
    case e.code
    when *BAD_CREDENTIALS
      Result.new(false, nil, 'partner.login.bad_credentials', 401)
    when *ACCOUNT_BLOCKED
      @audit.log(:blocked_login, login: login, org: name_key, sp_code: e.code)
      Result.new(false, nil, 'partner.login.blocked', 403)
    when ORG_UNKNOWN_NAMEKEY
      # typo in the subdomain, or the partner was offboarded and the org deleted
      Result.new(false, nil, 'partner.login.unknown_partner', 404)
    when ORG_NO_STORES
      # ops forgot to map the partner's directory to their org
      Honeybadger.notify(e, context: { name_key: name_key })
      Result.new(false, nil, 'partner.login.misconfigured', 500)
    else
      Rails.logger.error("[partner-login] stormpath #{e.status}/#{e.code}: #{e.developer_message}")
      Result.new(false, nil, 'partner.login.generic', 500)
    end
  end

  def record_login(account, name_key)
    PartnerSession.create!(
      account_href: account.href,
      name_key: name_key,
      expires_at: 8.hours.from_now
    )
    AuditWorker.set(retry: AUDIT_QUEUE_RETRY).perform_async('login', account.href, name_key)
  end
end
