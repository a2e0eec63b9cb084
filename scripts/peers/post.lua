-- wrk script for the prediction APIs (FastAPI peer and AccidentML's server): POSTs real accident
-- rows as JSON and, at the end, prints one JSON line with the results.
--
--   WRK_FEATURES=../shared/data/baac2021/X_train.csv WRK_API_KEY=secret \
--     wrk -t2 -c16 -d10s -s scripts/peers/post.lua http://127.0.0.1:8000/api/v1/predict
--
-- Environment: WRK_FEATURES  CSV with a header whose columns are the request fields (required)
--              WRK_API_KEY   value of the X-API-Key header (required)
--              WRK_BATCH     0 (default): the body is one object, for /api/v1/predict;
--                            N > 0: the body is a list of the first N rows, for /predict/batch
-- The single-object body is data row 1 (the first after the header). Every request sends the
-- same body, so the server's work per request is constant.

local function split(line)
  local fields = {}
  for field in string.gmatch(line, "[^,]+") do
    fields[#fields + 1] = field
  end
  return fields
end

local function object(names, values)
  local parts = {}
  for i, name in ipairs(names) do
    parts[i] = string.format("%q:%s", name, values[i])
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

local path = assert(os.getenv("WRK_FEATURES"), "set WRK_FEATURES to the features CSV")
local key = assert(os.getenv("WRK_API_KEY"), "set WRK_API_KEY")
local batch = tonumber(os.getenv("WRK_BATCH") or "0")

local file = assert(io.open(path, "r"))
local names = split(file:read("*l"))
local rows = {}
for _ = 1, math.max(batch, 1) do
  local line = file:read("*l")
  assert(line, "WRK_BATCH is larger than the file's data rows")
  rows[#rows + 1] = object(names, split(line))
end
file:close()

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = key
if batch > 0 then
  wrk.body = "[" .. table.concat(rows, ",") .. "]"
else
  wrk.body = rows[1]
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.6f,"requests_per_second":%.3f,"rows_per_request":%d,' ..
    '"latency_p50_us":%d,"latency_p90_us":%d,"latency_p99_us":%d,"latency_max_us":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, seconds, summary.requests / seconds, math.max(batch, 1),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
