# frozen_string_literal: true

# frontdesk/app/services/stormpath_sign_in.rb
#
# Front desk app (Rails 4.2.7) -- the "Look up member" screen can sign a member
# in on their behalf to show their online bookings. Front desk staff also see
# why a member can't sign in to the app, so they can fix it at the counter.
class StormpathSignIn
  SESSION_TTL = 30.minutes
  REDIS_URL = ENV.fetch('REDIS_URL', 'redis://localhost:6379/2')

  # Stormpath error codes (as strings, the gem gives us Integer#to_s in logs)
  # that the front desk can fix by re-enabling or unlocking the member.
  FIXABLE_AT_DESK = %w[7101 7103].freeze

  Result = Struct.new(:ok, :reason, :fix_hint, :stormpath_code)

  def initialize(application: Stormpath::Rails::Client.application, audit: AuditLog)
    @application = application
    @audit = audit
  end

  def call(member, password)
    request = Stormpath::Authentication::UsernamePasswordRequest.new(member.email, password)
    account = @application.authenticate_account(request).account
    Result.new(true, nil, nil, nil).tap { @audit.record(:desk_sign_in, member_id: member.id, href: account.href) }
  rescue Stormpath::Error => e
    @audit.record(:desk_sign_in_failed, member_id: member.id, status: e.status, code: e.code)
    Result.new(false, reason_for(e), hint_for(e), e.code)
  end

  private

  def reason_for(error)
    case error.code
    when 7100, 7104 then 'Wrong email or password'
    when 7101 then 'Online account switched off'
    when 7103 then 'Locked after too many attempts'
    when 7105, 7106 then 'Member is in a disabled group (old corporate plan?)'
    when 4605, 7107 then 'Corporate partner account is switched off'
    else "Unknown (#{error.status})"
    end
  end

  def hint_for(error)
    if FIXABLE_AT_DESK.include?(error.code.to_s)
      'Use "Re-enable online account" on the member screen.'
    elsif error.code == 7106
      'Call IT (ext. 4410) - the whole directory is off.'
    elsif error.status == 403
      'Front desk login has expired, sign in again.'
    end
  end
end
