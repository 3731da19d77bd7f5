-- submitComplaint with a new clientRequestId each time: unique per run, per wrk thread and per request (before,
-- both threads sent the same ids, so half the requests were idempotent replays).
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
require "common"
local token = os.getenv("TOKEN")
local query = os.getenv("SUBMIT_QUERY")
local counter = 0

request = function()
  -- thread_id and run_id are set by common.lua's setup() before the thread's first request
  local prefix = run_id .. "-" .. thread_id
  counter = counter + 1
  local body = '{"query":' .. query .. ',"variables":{"input":{"clientRequestId":"bench-' .. prefix .. '-' .. counter ..
      '","categoryCode":"JALAN","description":"Jalan berlubang besar di depan sekolah","location":{"lat":-6.035,"lng":106.04035}}}}'
  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
