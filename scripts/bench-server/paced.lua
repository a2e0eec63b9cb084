-- post.lua with a fixed pause between each connection's requests, to load a server at a chosen
-- rate below saturation (wrk has no rate option; wrk2 is not available):
--   rate ≈ connections / (WRK_DELAY_MS + latency).
-- Environment: WRK_POST_LUA  absolute path of scripts/peers/post.lua (required)
--              WRK_DELAY_MS  pause in whole milliseconds (default 2), plus post.lua's variables.
dofile(assert(os.getenv("WRK_POST_LUA"), "set WRK_POST_LUA to the path of post.lua"))

local pause = tonumber(os.getenv("WRK_DELAY_MS") or "2")

function delay()
  return pause
end
