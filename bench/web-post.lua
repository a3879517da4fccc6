-- wrk script for bench/web: status reports POSTed as a signed-in förvaltning would send them.
--   wrk ... -s bench/web-post.lua URL -- PHASE CSRF PERIOD COOKIE PATH
-- Every request carries a comment of its own, "webbench-PHASE-THREAD-N", so that bench/web can count
-- afterwards which of them the database holds. At the end it prints one line:
--   answered <303s> other <other statuses> errors <connect+read+write+timeout errors>
local threads = {}
local next_id = 1

function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
    table.insert(threads, thread)
end

function init(args)
    phase, csrf, period, cookie, path = args[1], args[2], args[3], args[4], args[5]
    sent, answered, other = 0, 0, 0
    headers = {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie}
end

function request()
    sent = sent + 1
    local body = "_csrf=" .. csrf .. "&period=" .. period ..
        "&status=P%C3%A5b%C3%B6rjad&light=gul&obstacles=&next=&cost=" ..
        "&comment=webbench-" .. phase .. "-" .. id .. "-" .. sent
    return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
    if status == 303 then answered = answered + 1 else other = other + 1 end
end

function done(summary, latency, requests)
    local a, o = 0, 0
    for _, thread in ipairs(threads) do
        a = a + thread:get("answered")
        o = o + thread:get("other")
    end
    local e = summary.errors
    io.write(string.format("answered %d other %d errors %d\n", a, o,
        e.connect + e.read + e.write + e.timeout))
end
