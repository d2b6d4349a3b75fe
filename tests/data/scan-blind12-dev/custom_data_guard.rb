# frozen_string_literal: true

# Validates student profile extras before we write them to the Stormpath
# account's customData, so teachers get a form error instead of a 500.
#
# Stormpath's own limits (from the error reference):
#   3000 - property name blank
#   3001 - property name longer than 255 characters
#   3002 - property name with characters other than 0-9A-Za-z, '_' or '-' (or starting with '-')
#   3003 - reserved property name
#   3004 - customData larger than 10 MB
module Quill
  module StormpathCustomData
    RESERVED_NAMES = %w[href createdAt modifiedAt meta spMeta spmeta ionmeta ionMeta].freeze
    MAX_NAME_LENGTH = 255
    MAX_BYTES = 10 * 1024 * 1024
    NAME_FORMAT = /\A[0-9A-Za-z_][0-9A-Za-z_-]*\z/

    STORMPATH_ERRORS = {
      3000 => :blank_name,
      3001 => :name_too_long,
      3002 => :bad_characters,
      3003 => :reserved_name,
      3004 => :too_large
    }.freeze

    # Account-link failures we show as "already linked" instead of an error page.
    LINK_ERRORS = [7502, 7503, 7505].freeze

    HTTP_CONFLICT = 409
    OPEN_TIMEOUT = 2   # seconds
    READ_TIMEOUT = 30  # seconds

    class InvalidProfile < StandardError; end

    module_function

    def validate!(data)
      raise InvalidProfile, 'profile too large' if data.to_json.bytesize > MAX_BYTES

      data.each_key do |name|
        name = name.to_s
        raise InvalidProfile, 'blank field name' if name.strip.empty?
        raise InvalidProfile, "field name too long: #{name[0, 20]}..." if name.length > MAX_NAME_LENGTH
        raise InvalidProfile, "bad field name: #{name}" unless name =~ NAME_FORMAT
        raise InvalidProfile, "reserved field name: #{name}" if RESERVED_NAMES.include?(name)
      end
      true
    end

    def error_key(stormpath_error)
      STORMPATH_ERRORS.fetch(stormpath_error.code, :unknown)
    end

    def link_error?(stormpath_error)
      LINK_ERRORS.include?(stormpath_error.code) || stormpath_error.status == HTTP_CONFLICT
    end
  end
end
