-- Shared by the wrk scripts: counts answers that are not HTTP 200 with an empty errors list, and gives each wrk
-- thread its own id. Every thread runs the script in its own Lua state with the same unseeded random numbers and the
-- same os.time(), so anything a thread makes up (a clientRequestId) must carry run_id and thread_id to be unique.
local threads = {}

local function random_hex(bytes)
  local urandom = io.open("/dev/urandom", "rb")
  local raw = urandom and urandom:read(bytes) or tostring(os.time()) .. tostring(os.clock())
  if urandom then urandom:close() end
  return (raw:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

local run = random_hex(8)

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
  thread:set("run_id", run)
end

function init(args)
  failures = 0
end

function response(status, headers, body)
  if status ~= 200 or body:find('"errors":%[%]') == nil and body:find('"edges"') == nil or body:find('"errors":%[{') then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("failures")
  end
  io.write(string.format("failures: %d\n", total))
end
