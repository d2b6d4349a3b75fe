# app/controllers/rewards/sessions_controller.rb
# Larkspur Rewards (Rails 4.2) -- member sign-in, sign-up and social login.
# Stormpath via stormpath-sdk-ruby 1.1; SMS via twilio-ruby 4.11.
module Rewards
  class SessionsController < ApplicationController
    SOCIAL_PROVIDERS   = %w(facebook google).freeze
    WELCOME_POINTS     = 2500
    SMS_RETRY_LIMIT    = 2
    REDIS_LOCK_TTL     = 30 # seconds

    # Facebook Graph API error codes we see when a token is stale
    FB_OAUTH_EXCEPTION = 190
    FB_ACTIVE_TOKEN_REQUIRED = 2500

    # Twilio REST error codes for bad numbers (welcome SMS)
    TWILIO_BAD_NUMBERS = [21211, 21614].freeze

    def create
      result = stormpath_app.authenticate_account(
        Stormpath::Authentication::UsernamePasswordRequest.new(
          params[:email], params[:password]))
      sign_in_member(result.account)
      redirect_to rewards_dashboard_path
    rescue Stormpath::Error => e
      case e.code
      when 7100
        flash.now[:alert] = t('rewards.login.bad_password')
      else
        Rails.logger.warn("[rewards] login failed sp_code=#{e.code} status=#{e.status} " \
                          "msg=#{e.developer_message.inspect}")
        flash.now[:alert] = t('rewards.login.generic')
      end
      render :new, status: :unauthorized
    end

    def register
      account = stormpath_app.accounts.create(member_params)
      Points.credit(account.href, WELCOME_POINTS, reason: 'welcome')
      send_welcome_sms(params[:mobile]) if params[:mobile].present?
      redirect_to rewards_welcome_path
    rescue Stormpath::Error => e
      if e.code == 2001
        # "Account with that email already exists.  Please choose another email."
        @duplicate = true
        flash.now[:alert] = t('rewards.join.already_member')
      else
        flash.now[:alert] = e.message
      end
      render :join, status: :unprocessable_entity
    end

    def social
      provider = params[:provider]
      head :not_found and return unless SOCIAL_PROVIDERS.include?(provider)

      request = Stormpath::Provider::AccountRequest.new(
        provider.to_sym, :access_token, params[:access_token])
      account = stormpath_app.get_provider_account(request).account
      sign_in_member(account)
      redirect_to rewards_dashboard_path
    rescue Stormpath::Error => e
      case e.code
      when 7200
        # Social site rejected the call: usually a stale FB token, occasionally
        # the app secret in the Stormpath Facebook directory was rotated.
        flash[:alert] = t('rewards.social.try_again', provider: provider.titleize)
      when 7201
        # e.g. FB user signed up with a phone number only, so the response has
        # no 'email' property and Stormpath can't create the account.
        flash[:alert] = t('rewards.social.email_required', provider: provider.titleize)
      else
        raise
      end
      redirect_to rewards_login_path
    rescue Koala::Facebook::AuthenticationError => e
      if [FB_OAUTH_EXCEPTION, FB_ACTIVE_TOKEN_REQUIRED].include?(e.fb_error_code)
        redirect_to rewards_login_path(reauth: provider)
      else
        raise
      end
    end

    private

    def send_welcome_sms(number)
      attempts = 0
      begin
        twilio.messages.create(from: '+14155550142', to: number,
                               body: "Welcome to Larkspur Rewards! #{WELCOME_POINTS} points are waiting.")
      rescue Twilio::REST::RequestError => e
        return if TWILIO_BAD_NUMBERS.include?(e.code)
        attempts += 1
        retry if attempts <= SMS_RETRY_LIMIT
        Rails.logger.error("[rewards] welcome SMS failed twilio_code=#{e.code}")
      end
    end

    def member_params
      params.require(:member).permit(:givenName, :surname, :email, :password)
    end
  end
end
