# frozen_string_literal: true

# Rack middleware: turns Stormpath OAuth token validation failures into 401s
# the mobile apps understand. Token validation goes through
# Stormpath::Resource::Application#authenticate_oauth (stormpath-sdk 1.x).
module Api
  class TokenErrors
    REDIS_URL = ENV.fetch('REDIS_URL', 'redis://localhost:6379/2')
    ACCESS_TOKEN_TTL = 3600 # seconds, mirrors the app's OAuth policy

    # Stormpath error code => [our error id, should the client refresh?]
    STORMPATH_TOKEN_ERRORS = {
      10010 => ['account_disabled', false],
      10012 => ['clock_skew', true],
      10013 => ['token_revoked', true],
      10017 => ['bad_signature', false]
    }.freeze

    def initialize(app)
      @app = app
    end

    def call(env)
      @app.call(env)
    rescue Stormpath::Error => e
      id, refresh = STORMPATH_TOKEN_ERRORS.fetch(e.code, ['invalid_token', false])
      Rails.logger.info("stormpath token error code=#{e.code} status=#{e.status} id=#{id}")
      body = { error: id, refresh: refresh }.to_json
      [401, { 'Content-Type' => 'application/json', 'WWW-Authenticate' => 'Bearer' }, [body]]
    end
  end
end
