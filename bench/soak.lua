-- wrk script of bench/soak's readers: each connection cycles through the
-- public pages listed (one path a line) in the file given after `--`, as a
-- browser asks for them (Accept-Encoding: br, gzip), and counts every
-- answer's status, so 5xx are counted apart from other non-2xx/3xx
-- (wrk itself only counts them together). done() prints one JSON line.
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  -- Threads start at different places in the list.
  thread:set("offset", #threads * 7)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  turn = offset or 0
  statuses = {}
end

function request()
  turn = turn + 1
  return wrk.format("GET", paths[turn % #paths + 1], { ["Accept-Encoding"] = "br, gzip" })
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local all, ok, other, server = {}, 0, 0, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      all[status] = (all[status] or 0) + count
      if status >= 500 then server = server + count
      elseif status >= 400 then other = other + count
      else ok = ok + count end
    end
  end
  local listed = {}
  for status, count in pairs(all) do listed[#listed + 1] = string.format('"%d":%d', status, count) end
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"ok_2xx_3xx":%d,"other_4xx":%d,"server_5xx":%d,"socket_errors":%d,'
      .. '"timeouts":%d,"statuses":{%s},"p50_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f}\n',
    summary.requests, ok, other, server, e.connect + e.read + e.write + e.timeout, e.timeout,
    table.concat(listed, ","), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
