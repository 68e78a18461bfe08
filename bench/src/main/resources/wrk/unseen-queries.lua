-- wrk script: search queries nobody has sent before, made of the guide's own words.
--
-- Arguments (after wrk's "--"): WORDS_FILE MODE FIRST THREADS
--   WORDS_FILE  one word a line (the bench writes it from the guide's sections)
--   MODE        keyword | hybrid | default (default sends no mode parameter: the service's default, hybrid) |
--               questions (the default mode, each query worded as a question: "how does A B work")
--   FIRST       the first query number of this run; the bench gives each run its own range
--   THREADS     wrk's -t, so that the threads' query numbers interleave without overlapping
--
-- Query number k (thread t of n sends k = FIRST + t, FIRST + t + n, ...) is two words when k mod 3 is 0 or 1 and six
-- words when it is 2. Its first two words are the pair number (k * STRIDE + SHIFT) mod W^2, a permutation of all pairs
-- of the W words, so no two queries of any run share their first two words: none repeats, and none is a prefix-cache
-- hit of another. The other four words of a six-word query are drawn from a generator seeded by k. In the questions
-- mode every query is the pair asked about ("how does A B work", "why is A B used"), so it reads as a question.
--
-- Non-2xx answers are counted by wrk itself ("Non-2xx or 3xx responses"); a response() callback would make wrk
-- parse every answer in Lua and lower the ceiling it can measure.

local words, mode, first
local thread_index, thread_count = 0, 1
local counter = 0
local stride, shift = 1000003, 7919

local threads_set_up = 0

function setup(thread)
  -- runs in the main Lua state once per thread, before the threads start
  thread:set("thread_index", threads_set_up)
  threads_set_up = threads_set_up + 1
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read the word list " .. tostring(args[1]))
  words = {}
  for line in file:lines() do
    if #line > 0 then words[#words + 1] = line end
  end
  file:close()
  assert(#words > 1, "the word list is empty")
  assert(#words < stride, "too many words for the pair permutation")
  mode = args[2] or "default"
  first = tonumber(args[3] or "0")
  thread_index = tonumber(wrk.thread:get("thread_index")) or 0
  thread_count = tonumber(args[4] or "1")
  assert(thread_index < thread_count, "THREADS is less than wrk's -t")
end

-- the k-th pair of words, a bijection on [0, W^2) since STRIDE is a prime above W
local function pair(k)
  local w = #words
  local p = (k * stride + shift) % (w * w)
  return words[p % w + 1], words[math.floor(p / w) + 1]
end

-- a small deterministic generator (Park–Miller), so a six-word query's tail depends on k alone
local function tail(k, n)
  local state = (k % 2147483646) + 1
  local out = {}
  for i = 1, n do
    state = (state * 48271) % 2147483647
    out[i] = words[state % #words + 1]
  end
  return out
end

function request()
  local k = first + thread_index + counter * thread_count
  counter = counter + 1
  local a, b = pair(k)
  local q = a .. "%20" .. b
  if mode == "questions" then
    if k % 2 == 0 then q = "how%20does%20" .. q .. "%20work" else q = "why%20is%20" .. q .. "%20used" end
  elseif k % 3 == 2 then
    q = q .. "%20" .. table.concat(tail(k, 4), "%20")
  end
  local path = "/api/search?q=" .. q
  if mode ~= "default" and mode ~= "questions" then path = path .. "&mode=" .. mode end
  return wrk.format("GET", path)
end
