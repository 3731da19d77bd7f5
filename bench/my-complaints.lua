-- myComplaints(first: 20): the resident's newest complaints with photos, category and area.
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
require "common"
local token = os.getenv("TOKEN")
local body = '{"query":' .. os.getenv("MY_QUERY") .. ',"variables":{"first":20}}'

request = function()
  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
