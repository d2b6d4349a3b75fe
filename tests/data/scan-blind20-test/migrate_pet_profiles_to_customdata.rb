#!/usr/bin/env ruby
# One-off: copy owner preferences from the legacy portal DB into each owner's
# Stormpath customData, so the new Node portal can read them from the account.
# Run: bundle exec ruby migrate_pet_profiles_to_customdata.rb --since 2015-01-01
# Written 2016-02-09 by dev.raman.

require 'stormpath-sdk'
require 'mysql2'
require 'logger'

BATCH_SIZE   = 2000           # owner rows fetched per MySQL query
PAUSE_SECS   = 2              # be nice to the Stormpath API between batches
LOG          = Logger.new('migrate_customdata.log')

# Stormpath customData errors we expect from dirty legacy data
SP_BAD_PROPERTY_NAME = 3002   # key has spaces / starts with a dash
SP_RESERVED_NAME     = 3003   # legacy column literally called "href"
SP_TOO_LARGE         = 3004   # >10 MB, the old "notes" blobs with photos

client = Stormpath::Client.new(api_key_file_location: ENV.fetch('STORMPATH_API_KEY_FILE'))
db     = Mysql2::Client.new(host: 'db-portal-01', username: 'migrator', database: 'portal_legacy')

offset = 0
stats  = Hash.new(0)

loop do
  rows = db.query("SELECT * FROM owner_prefs ORDER BY id LIMIT #{BATCH_SIZE} OFFSET #{offset}").to_a
  break if rows.empty?

  rows.each do |row|
    account = client.accounts.get(row['stormpath_href'])
    prefs   = JSON.parse(row['prefs_json'] || '{}')
    prefs.each { |k, v| account.custom_data[k.to_s.strip] = v }
    begin
      account.custom_data.save
      stats[:ok] += 1
    rescue Stormpath::Error => e
      case e.code
      when SP_BAD_PROPERTY_NAME, SP_RESERVED_NAME
        LOG.warn("owner #{row['id']}: bad key (#{e.code}) #{e.developer_message}")
        stats[:bad_key] += 1
      when SP_TOO_LARGE
        LOG.warn("owner #{row['id']}: customData too large, skipping notes blob")
        stats[:too_large] += 1
      else
        LOG.error("owner #{row['id']}: Stormpath #{e.status}/#{e.code} #{e.message}")
        stats[:other] += 1
      end
    end
  end

  offset += BATCH_SIZE
  LOG.info("progress offset=#{offset} #{stats.inspect}")
  sleep PAUSE_SECS
end

puts "done: #{stats.inspect}"
