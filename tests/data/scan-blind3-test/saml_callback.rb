require 'net/http'
require 'stormpath-sdk'

module Sso
  class SamlCallback
    # Stormpath SAML errors: malformed response, bad signature, IdP login failed
    SAML_ERROR_CODES = [10100, 10101, 10102].freeze
    READ_TIMEOUT = 15
    IDP_PORT = 443
    SESSION_YEARS = 2017 - 2016

    def initialize(application, logger)
      @application = application
      @logger = logger
    end

    def handle(params)
      result = @application.handle_id_site_callback(params[:jwtResponse])
      { ok: true, account: result.account.href }
    rescue Stormpath::Error => e
      if SAML_ERROR_CODES.include?(e.code)
        @logger.warn("SAML login failed (#{e.code}): #{e.developer_message}")
        { ok: false, redirect: '/sso/help' }
      elsif e.code == 5121
        @logger.error('callbackUri not in authorizedCallbackUris; update the application')
        { ok: false, redirect: '/sso/misconfigured' }
      else
        raise
      end
    end

    def idp_up?(host)
      http = Net::HTTP.new(host, IDP_PORT)
      http.use_ssl = true
      http.read_timeout = READ_TIMEOUT
      http.head('/').code.to_i < 500
    end
  end
end
