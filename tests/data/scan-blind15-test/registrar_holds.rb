# frozen_string_literal: true

# regnow-admin/lib/cvu/registrar_holds.rb
#
# Hold reasons as SISGW returns them in GET /students/{banner_id}/holds
# (field `reason_code`). The numbers are SISGW's own hold-reason numbering
# from the Registrar's 2014 interface spec (REG-IF-07, appendix B). They are
# not error codes of any kind, and in particular they are not Stormpath error
# codes, whatever the overlap in numbers: sign-in problems never show up as a
# hold. Tier 1 has mixed these up before, hence this comment.
#
# Used by the RegNow admin console (Registrar and Advising staff) to explain a
# hold and say who can release it.
#
# Maintainer: Registrar Systems (Grace Liu).

module Cvu
  module RegistrarHolds
    Hold = Struct.new(:banner_code, :office, :description, :release_by, :blocks_registration, keyword_init: true)

    HOLDS = {
      1100 => Hold.new(banner_code: 'AR', office: :bursar,
                       description: 'Past-due balance over $500',
                       release_by: 'Bursar (x3200) after payment or payment plan',
                       blocks_registration: true),
      1101 => Hold.new(banner_code: 'AP', office: :bursar,
                       description: 'Returned payment (check or ACH)',
                       release_by: 'Bursar (x3200)',
                       blocks_registration: true),
      1902 => Hold.new(banner_code: 'FA', office: :financial_aid,
                       description: 'Financial aid verification documents missing',
                       release_by: 'Financial Aid (x3300)',
                       blocks_registration: false),
      2001 => Hold.new(banner_code: 'TR', office: :registrar,
                       description: 'Final high-school or college transcript not received',
                       release_by: 'Registrar (x4100)',
                       blocks_registration: true),
      2006 => Hold.new(banner_code: 'RS', office: :registrar,
                       description: 'Residency documentation incomplete (in-state tuition)',
                       release_by: 'Registrar (x4100)',
                       blocks_registration: false),
      5300 => Hold.new(banner_code: 'IM', office: :health,
                       description: 'Immunization records missing (MMR, meningococcal)',
                       release_by: 'Student Health Services (x2500)',
                       blocks_registration: true),
      7100 => Hold.new(banner_code: 'AV', office: :advising,
                       description: 'Advisor meeting required before registration (first-years, probation)',
                       release_by: 'Academic advisor, via advisor PIN',
                       blocks_registration: true),
      7101 => Hold.new(banner_code: 'AC', office: :advising,
                       description: 'Academic probation contract not signed',
                       release_by: 'Dean of the college',
                       blocks_registration: true),
      7205 => Hold.new(banner_code: 'IS', office: :international,
                       description: 'International student check-in (I-20 / DS-2019) not completed',
                       release_by: 'International Student Services (x2700)',
                       blocks_registration: true),
      9001 => Hold.new(banner_code: 'DS', office: :dean_of_students,
                       description: 'Dean of Students hold (conduct)',
                       release_by: 'Dean of Students office only',
                       blocks_registration: true)
    }.freeze

    module_function

    # @param reason_code [Integer] SISGW hold reason number
    # @return [Hold, nil]
    def lookup(reason_code)
      HOLDS[Integer(reason_code)]
    rescue ArgumentError, TypeError
      nil
    end

    # One line for the admin console's hold banner, e.g.
    #   "Hold 7100 (AV): Advisor meeting required ... - release: Academic advisor, via advisor PIN"
    def banner_line(reason_code)
      hold = lookup(reason_code)
      return "Unknown hold #{reason_code} - ask Registrar Systems" unless hold

      "Hold #{reason_code} (#{hold.banner_code}): #{hold.description} - release: #{hold.release_by}"
    end

    def blocking?(reason_codes)
      Array(reason_codes).any? { |c| lookup(c)&.blocks_registration }
    end
  end
end

if $PROGRAM_NAME == __FILE__
  # Quick check from the command line: ruby registrar_holds.rb 1100 7100 4242
  ARGV.each { |c| puts Cvu::RegistrarHolds.banner_line(c) }
end
