# app/services/stormpath_error_handler.rb
#
# RoomDock - meeting and study room booking for the 22 Lakeshore branches.
# Each branch is a Stormpath Organization (nameKey = branch slug, e.g. "vermilion"),
# all mapped to the RoomDock application.
class StormpathErrorHandler
  MAX_BOOKING_HOURS = 4
  ADVANCE_BOOKING_DAYS = 60
  LARGE_ROOM_CAPACITY = 40

  # Stormpath error codes -> i18n keys under roomdock.errors.*
  STORMPATH_ERRORS = {
    7100  => :invalid_credentials,
    7107  => :branch_disabled,        # whole branch org disabled (Ashtabula Harbor renovation)
    4605  => :branch_not_configured,  # org has no account stores mapped yet
    11001 => :unknown_branch,         # nameKey typo in the subdomain
    2001  => :email_taken,
  }.freeze

  # Group hrefs we cache go stale after branches merge groups; refetch and retry once.
  STALE_REFERENCE_CODES = [2014, 2020].freeze

  Result = Struct.new(:key, :status, :retry)

  def self.handle(error, branch: nil)
    code = error.respond_to?(:code) ? error.code.to_i : nil

    if STALE_REFERENCE_CODES.include?(code)
      Rails.cache.delete("branch-groups/#{branch}") if branch
      return Result.new(:try_again, 409, true)
    end

    case code
    when 2001
      Result.new(:email_taken, 422, false)
    when 7100
      Result.new(:invalid_credentials, 401, false)
    when nil
      Result.new(:unknown, 500, false)
    else
      key = STORMPATH_ERRORS.fetch(code) do
        Honeybadger.notify(error, context: { stormpath_code: code, branch: branch })
        :unknown
      end
      Result.new(key, error.respond_to?(:status) ? error.status.to_i : 400, false)
    end
  end

  # Postgres unique index on bookings(room_id, starts_at) - raised as
  # ActiveRecord::RecordNotUnique (PG::UniqueViolation, SQLSTATE 23505). Not Stormpath.
  def self.double_booking?(exception)
    exception.is_a?(ActiveRecord::RecordNotUnique) &&
      exception.cause.respond_to?(:result) &&
      exception.cause.result.error_field(PG::Result::PG_DIAG_SQLSTATE) == '23505'
  end
end
