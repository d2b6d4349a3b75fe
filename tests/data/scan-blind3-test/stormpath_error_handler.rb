# frozen_string_literal: true

# Rack middleware that turns Stormpath::Error into 422 responses with field hints.
class StormpathErrorHandler
  RETRY_SLEEP = 0.5
  MAX_BODY_BYTES = 8192

  def initialize(app)
    @app = app
  end

  def call(env)
    @app.call(env)
  rescue Stormpath::Error => e
    [422, { 'Content-Type' => 'application/json' }, [body_for(e).to_json]]
  end

  private

  def body_for(error)
    case error.code
    when 2000, 2002
      { field: field_from(error), problem: 'missing or invalid' }
    when 2014
      { field: field_from(error), problem: 'points at something that does not exist' }
    when 404, 409
      # plain HTTP statuses echoed in the code property
      { problem: 'conflict or not found' }
    else
      { problem: error.developer_message.to_s[0, MAX_BODY_BYTES] }
    end
  end

  def field_from(error)
    error.developer_message.to_s[/\A(\w+)/, 1]
  end
end
