require 'sinatra/base'
require 'stormpath-sdk'

class SsoHandler < Sinatra::Base
  # ID Site / token error codes from Stormpath
  ID_SITE_SESSION_TIMED_OUT = 12001
  ID_SITE_NOT_AUTHENTICATED = 12002
  TOKEN_ORG_DISABLED        = 11002

  set :port, 9292
  WORKERS = 4

  get '/idsite/callback' do
    begin
      result = settings.application.handle_id_site_callback(request.url)
      session[:account] = result.account.href
      redirect '/'
    rescue Stormpath::Error => e
      case e.code
      when ID_SITE_SESSION_TIMED_OUT, ID_SITE_NOT_AUTHENTICATED
        redirect '/login?retry=1'
      when TOKEN_ORG_DISABLED
        halt 403, 'Your organization has been disabled.'
      else
        halt 500
      end
    end
  end
end
