# lib/directory/stormpath_ldap_client.rb
require 'net/http'
require 'stormpath-sdk'

module Directory
  class StormpathLdapClient
    OPEN_TIMEOUT = 15
    READ_TIMEOUT = 45
    REDIS_PORT   = 6379

    AGENT_DOWN_CODES = [9000, 9001, 9002].freeze

    def authenticate(username, password)
      request = Stormpath::Authentication::UsernamePasswordRequest.new(username, password)
      @application.authenticate_account(request)
    rescue Stormpath::Error => e
      case e.code
      when 7103
        Result.locked(username)
      when *AGENT_DOWN_CODES
        # the on-prem LDAP agent is unreachable; page the infra rota
        Pager.alert("stormpath agent down: #{e.code} #{e.developer_message}")
        Result.unavailable
      else
        Rails.logger.warn("login failed status=#{e.status} code=#{e.code} request_id=#{e.request_id}")
        Result.failed
      end
    end

    def healthcheck
      http = Net::HTTP.new('agent.internal.example.com', 443)
      http.use_ssl = true
      http.open_timeout = OPEN_TIMEOUT
      http.read_timeout = READ_TIMEOUT
      http.get('/health').code == '200'
    end
  end
end
