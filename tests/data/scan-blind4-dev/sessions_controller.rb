# frozen_string_literal: true

# Sign-in through Stormpath. Redis (port 6379) holds the rate limiter state.
class SessionsController < ApplicationController
  MAX_ATTEMPTS = 5
  LOCK_WINDOW  = 900 # seconds
  PER_PAGE     = 30

  def create
    result = Stormpath::Rails::Client.application.authenticate_account(
      Stormpath::Authentication::UsernamePasswordRequest.new(params[:login], params[:password])
    )
    session[:account_href] = result.account.href
    redirect_to dashboard_path
  rescue Stormpath::Error => e
    flash.now[:alert] =
      case e.code
      when 7100, 7104
        'Invalid email or password.'
      when 7102
        'Please confirm your email address first.'
      when 7103
        'Your account is locked. Try again later.'
      else
        Rails.logger.error("stormpath #{e.status} #{e.code}: #{e.developer_message}")
        'Sign-in is unavailable right now.'
      end
    render :new, status: 422
  end

  def throttle!
    key = "login:#{request.remote_ip}"
    count = $redis.incr(key)
    $redis.expire(key, LOCK_WINDOW) if count == 1
    head 429 if count > MAX_ATTEMPTS
  end
end
