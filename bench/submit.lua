-- submitComplaint with a new clientRequestId each time.
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
require "common"
local token = os.getenv("TOKEN")
local query = os.getenv("SUBMIT_QUERY")
local counter = 0
local prefix = tostring(os.time()) .. "-" .. tostring(math.random(1000000000))

request = function()
  counter = counter + 1
  local body = '{"query":' .. query .. ',"variables":{"input":{"clientRequestId":"bench-' .. prefix .. '-' .. counter ..
      '","categoryCode":"JALAN","description":"Jalan berlubang besar di depan sekolah","location":{"lat":-6.035,"lng":106.04035}}}}'
  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
