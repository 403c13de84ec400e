-- wrk: POST the report in $VIGIL_REPORT with the reporter's token in $VIGIL_TOKEN (none for the baseline). With
-- $VIGIL_IDEMPOTENCY=1 each request carries an Idempotency-Key of its own, as a client that retries would send.
local file = assert(io.open(os.getenv("VIGIL_REPORT"), "rb"))
local body = file:read("*a")
file:close()
local token = os.getenv("VIGIL_TOKEN") or ""
local keyed = os.getenv("VIGIL_IDEMPOTENCY") == "1"
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local counter = 0
function request()
  counter = counter + 1
  local headers = { ["Content-Type"] = "application/json" }
  if token ~= "" then headers["Authorization"] = "Bearer " .. token end
  if keyed then headers["Idempotency-Key"] = string.format("wrk-%d-%d-%d", id, counter, os.time()) end
  return wrk.format("POST", nil, headers, body)
end
