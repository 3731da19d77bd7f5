-- One GraphQL POST again and again, for bench/compare.sh: the body is env BODY (JSON), with "Authorization: Bearer
-- TOKEN" when TOKEN is set. An answer counts as a failure unless it is HTTP 200, contains env EXPECT (a field every
-- good answer has) and has no error.
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
require "common"
local body = os.getenv("BODY")
local token = os.getenv("TOKEN")
local expect = os.getenv("EXPECT") or '"data"'
local headers = {["Content-Type"] = "application/json"}
if token and token ~= "" then
  headers["Authorization"] = "Bearer " .. token
end

request = function()
  return wrk.format("POST", "/graphql", headers, body)
end

function response(status, headers, body)
  if status ~= 200 or not body:find(expect, 1, true) or body:find('"errors":[{', 1, true) then
    failures = failures + 1
  end
end
