-- POST /token/refresh, each connection's thread spending refresh tokens from its own pool and keeping the new
-- one each answer brings (rotation). BENCH_TOKENS names a file of refresh tokens, one per line, shared out
-- between BENCH_THREADS threads.
local counter = 0
local tokens = {}
local lost = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local threads = tonumber(os.getenv("BENCH_THREADS"))
  local index = 0
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    if index % threads == id then
      table.insert(tokens, line)
    end
    index = index + 1
  end
end

function request()
  local token = table.remove(tokens, 1) or "pool-empty"
  return wrk.format("POST", "/token/refresh", {["Content-Type"] = "application/x-www-form-urlencoded"},
    "refresh_token=" .. token)
end

function response(status, headers, body)
  local token = body:match('"refresh_token":"([^"]+)"')
  if token then
    table.insert(tokens, token)
  end
end
