#!/usr/bin/env python
"""Poll customer inverters over Modbus/TCP and store 5-minute readings.

Runs on telemetry01 (cron, every 5 min). Each customer site has an SMA
Sunny Boy with the Speedwire/Webconnect interface; the local gateway forwards
Modbus/TCP on port 502.

SMA registers (unit id 3):
  30775  AC power, W (S32)
  30529  total yield, Wh (U32)
  30201  device condition (U32): 35 = fault, 303 = off, 307 = OK, 455 = warning
  30197  current event number (U32)

Event numbers are SMA's (see the inverter manual, chapter "Troubleshooting").
They are stored as-is in readings.event_no and shown to customers on the
Monitoring page.
"""
import logging
import socket
import struct
import time

import pymysql
from pymodbus.client.sync import ModbusTcpClient
from pymodbus.exceptions import ModbusIOException

log = logging.getLogger('telemetry')

MODBUS_PORT = 502
UNIT_ID = 3
READ_TIMEOUT_S = 4
RECV_BUFSIZE = 4096
ZABBIX_TRAPPER = ('zabbix.halcyon.local', 10051)

# SMA event numbers we alert on (customer-facing text in monitoring/events.yml)
SMA_EVENTS = {
    101: 'Grid fault',
    301: 'Grid fault (10-minute average voltage)',
    3501: 'Insulation failure',
    3601: 'High discharge current',
    6501: 'Self-diagnosis: interference',
    7102: 'Parameter file not found or defective',
    7105: 'Parameter setting failed',
    9002: 'Invalid grid guard code',
}

# Modbus exception codes returned by the gateway
MODBUS_GATEWAY_PATH_UNAVAILABLE = 10
MODBUS_GATEWAY_TARGET_FAILED = 11

# MySQL client errors worth a reconnect
# 2002 socket, 2003 can't connect, 2006 gone away, 2013 lost connection
MYSQL_RECONNECT = (2002, 2003, 2006, 2013)


def read_u32(client, register):
    rr = client.read_input_registers(register, 2, unit=UNIT_ID)
    if rr.isError():
        raise ModbusIOException('register %d: %s' % (register, rr))
    return struct.unpack('>I', struct.pack('>HH', *rr.registers))[0]


def read_s32(client, register):
    rr = client.read_input_registers(register, 2, unit=UNIT_ID)
    if rr.isError():
        raise ModbusIOException('register %d: %s' % (register, rr))
    return struct.unpack('>i', struct.pack('>HH', *rr.registers))[0]


def poll_site(site):
    client = ModbusTcpClient(site['gateway_ip'], port=MODBUS_PORT, timeout=READ_TIMEOUT_S)
    if not client.connect():
        log.warning('site %s: gateway %s:%d unreachable', site['id'], site['gateway_ip'], MODBUS_PORT)
        return None
    try:
        reading = {
            'site_id': site['id'],
            'ac_power_w': max(read_s32(client, 30775), 0),
            'total_wh': read_u32(client, 30529),
            'condition': read_u32(client, 30201),
            'event_no': read_u32(client, 30197),
            'ts': int(time.time()) // 300 * 300,
        }
    finally:
        client.close()
    if reading['event_no'] in SMA_EVENTS:
        log.info('site %s: SMA event %d (%s)', site['id'], reading['event_no'], SMA_EVENTS[reading['event_no']])
    return reading


def store(conn, rows, attempt=1):
    try:
        with conn.cursor() as cur:
            cur.executemany(
                'INSERT INTO readings (site_id, ts, ac_power_w, total_wh, condition_code, event_no) '
                'VALUES (%(site_id)s, FROM_UNIXTIME(%(ts)s), %(ac_power_w)s, %(total_wh)s, %(condition)s, %(event_no)s) '
                'ON DUPLICATE KEY UPDATE ac_power_w = VALUES(ac_power_w)', rows)
        conn.commit()
    except pymysql.err.OperationalError as e:
        if e.args[0] in MYSQL_RECONNECT and attempt < 3:
            log.warning('MySQL error %d, reconnecting (attempt %d)', e.args[0], attempt)
            conn.ping(reconnect=True)
            return store(conn, rows, attempt + 1)
        raise


def send_zabbix(key, value):
    payload = ('{"request":"sender data","data":[{"host":"telemetry01","key":"%s","value":"%s"}]}' % (key, value)).encode()
    header = b'ZBXD\x01' + struct.pack('<Q', len(payload))
    s = socket.create_connection(ZABBIX_TRAPPER, timeout=3)
    try:
        s.sendall(header + payload)
        s.recv(RECV_BUFSIZE)
    finally:
        s.close()
