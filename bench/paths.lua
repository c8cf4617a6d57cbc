-- wrk script for bench/rest-bench.sh: GETs the paths listed in a file (one per line), each thread
-- starting at a different point, so requests spread over many members instead of hitting one.
-- Usage: wrk ... -s bench/paths.lua http://HOST:PORT -- PATHS_FILE
local paths = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
