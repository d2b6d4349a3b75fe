# app/controllers/sessions_controller.rb
class SessionsController < ApplicationController
  skip_before_action :require_login, only: [:new, :create]

  # Stormpath account-state errors that the user cannot fix by retyping.
  # (Support asked for separate texts in SUP-13105, after the Q3 2016 school
  # year rollover disabled 2,004 student groups at once.)
  ACCOUNT_STATE_ERRORS = {
    7102 => :unverified,
    7105 => :group_disabled,
    7106 => :directory_disabled
  }.freeze

  # Our own throttle (Rack::Attack, config/initializers/rack_attack.rb) answers
  # with HTTP 429 and sets this header; it is not a Stormpath response.
  THROTTLE_HEADER = 'X-Throttle-Window'.freeze

  def new; end

  def create
    result = Stormpath::Authentication::BasicAuthenticator.new(stormpath_app.data_store)
               .authenticate(stormpath_app.href, login_request)
    sign_in(result.account)
    redirect_to after_sign_in_path
  rescue Stormpath::Error => e
    state = ACCOUNT_STATE_ERRORS[e.code]
    Rails.logger.warn("login failed code=#{e.code} status=#{e.status} state=#{state.inspect}")
    flash.now[:alert] = if state
                          t("sessions.account_state.#{state}")
                        else
                          t('sessions.invalid_credentials')
                        end
    render :new, status: :unauthorized
  end

  def destroy
    sign_out
    redirect_to root_path, notice: t('sessions.signed_out')
  end

  private

  def login_request
    Stormpath::Authentication::UsernamePasswordRequest.new(
      params.require(:login), params.require(:password)
    )
  end

  def stormpath_app
    # cached for 3600 s; see config/initializers/stormpath.rb
    @stormpath_app ||= StormpathClient.application
  end
end
