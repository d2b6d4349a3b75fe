#!/usr/bin/env ruby
# scripts/setup_clinic_orgs.rb
# One Stormpath Organization per clinic, so staff-portal sessions carry the
# clinic (Organization nameKey) and RotaVet can filter shifts by it.
# Safe to re-run: existing orgs and mappings are left alone.
#
#   STORMPATH_API_KEY_FILE=~/.stormpath/apiKey.properties ruby scripts/setup_clinic_orgs.rb
#
# Tom Berg, 2016-03

require 'stormpath-sdk'

CLINICS = {
  'tribeca'     => { name: 'HPVP Tribeca',         zip: '10013', phone: '212-555-0148' },
  'chelsea'     => { name: 'HPVP Chelsea',         zip: '10011', phone: '212-555-0172' },
  'murray-hill' => { name: 'HPVP Murray Hill',     zip: '10016', phone: '212-555-0190' },
  'uws'         => { name: 'HPVP Upper West Side', zip: '10024', phone: '212-555-0127' },
  'glen-oaks'   => { name: 'HPVP Glen Oaks',       zip: '11004', phone: '718-555-0155' },
  'manlius'     => { name: 'HPVP Manlius',         zip: '13104', phone: '315-555-0181' },
  'marcellus'   => { name: 'HPVP Marcellus',       zip: '13108', phone: '315-555-0109' }
}.freeze

STAFF_DIRECTORY = 'HPVP Staff (AD)'.freeze

client = Stormpath::Client.new(api_key_file_location: ENV.fetch('STORMPATH_API_KEY_FILE'))
staff_dir = client.directories.search(name: STAFF_DIRECTORY).first or abort("no directory #{STAFF_DIRECTORY}")

CLINICS.each do |name_key, info|
  org = client.organizations.search(name_key: name_key).first
  if org.nil?
    begin
      org = client.organizations.create(
        name: info[:name], name_key: name_key,
        description: "#{info[:name]} (ZIP #{info[:zip]}, #{info[:phone]})"
      )
      puts "created org #{name_key}"
    rescue Stormpath::Error => e
      raise unless e.code == 2001 # Stormpath: name or nameKey already exists (race with another run)
      org = client.organizations.search(name_key: name_key).first
      puts "org #{name_key} appeared meanwhile, using it"
    end
  end

  begin
    client.organization_account_store_mappings.create(
      organization: org, account_store: staff_dir,
      list_index: 0, is_default_account_store: false, is_default_group_store: false
    )
    puts "mapped #{STAFF_DIRECTORY} -> #{name_key}"
  rescue Stormpath::Error => e
    if e.code == 4604 # Stormpath: that account store is already mapped to this Organization
      puts "#{name_key}: already mapped, ok"
    else
      warn "#{name_key}: Stormpath error #{e.code} (HTTP #{e.status}): #{e.developer_message}"
      raise
    end
  end
end

puts "done: #{CLINICS.size} clinics"
