#!/usr/bin/env ruby
# Copies each bird's last TrakWing GPS fix into its falconer's Stormpath
# account customData, so HawkLog can show "where's my bird" without calling
# TrakWing from the phone. Runs from cron every 10 minutes.
#
# Brackwater Falconry Ltd, April 2016.

require 'stormpath-sdk'
require_relative 'lib/trakwing_client'

# TrakWing's own API error codes (from their PDF, rev 2015-11).
# Not Stormpath codes.
TRAKWING_TAG_ASLEEP = 3001 # tag in power-save, no fix this cycle
TRAKWING_NO_FIX     = 3003 # tag awake but no satellite fix

client = Stormpath::Client.new(api_key_file_location: '/etc/hawklog/apiKey.properties')
trakwing = TrakWing::Client.new(ENV.fetch('TRAKWING_TOKEN'))

trakwing.tags.each do |tag|
  fix = trakwing.last_fix(tag.id)
  if fix.error_code == TRAKWING_TAG_ASLEEP || fix.error_code == TRAKWING_NO_FIX
    next # nothing new; keep the old position
  end

  account = client.accounts.get(tag.falconer_account_href)
  # Key by bird name, e.g. "juno" or "ash". Names are cleaned first:
  # Stormpath rejects customData keys with spaces or other odd characters.
  key = tag.bird_name.downcase.gsub(/[^0-9a-z_-]/, '_')
  account.custom_data[key] = { lat: fix.lat, lon: fix.lon, at: fix.time.iso8601 }

  begin
    account.custom_data.save
  rescue Stormpath::Error => e
    if e.code == 3002
      # Stormpath 3002: property name invalid (only 0-9A-Za-z, _ and -,
      # no leading dash). Happened with "-Ash-" from a TrakWing rename.
      warn "skipping #{tag.bird_name.inspect}: Stormpath rejected key #{key.inspect}"
    else
      warn "customData save failed for #{tag.id}: #{e.status} #{e.code} #{e.developer_message}"
    end
  end
end
