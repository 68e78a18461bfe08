-- wrk script: the judged queries, sent over and over (so after the first pass every cache answers them).
--
-- Arguments (after wrk's "--"): PATHS_FILE — one request path a line, already URL-encoded.
-- Each thread starts at its own place in the list so the threads don't send the same path at the same time.

local paths
local next_path = 1
local threads_set_up = 0

function setup(thread)
  thread:set("thread_index", threads_set_up)
  threads_set_up = threads_set_up + 1
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read the paths " .. tostring(args[1]))
  paths = {}
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  assert(#paths > 0, "no paths")
  local index = tonumber(wrk.thread:get("thread_index")) or 0
  next_path = (index * 17) % #paths + 1
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end
