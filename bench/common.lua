-- Shared by the wrk scripts: counts answers that are not HTTP 200 with an empty errors list.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
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
