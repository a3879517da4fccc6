-- wrk script for bench/web: status reports POSTed as the IT-chef's browser sends the action page's form:
-- for a period (`prefilled`) and, where the period has a report, with that report as its `basis`.
--   wrk ... -s bench/web-post.lua URL -- PHASE CSRF COOKIE PAIRS THREADS
-- PAIRS is a file of lines "PATH PERIOD BASIS" (BASIS "-" for none); thread i of THREADS takes lines i,
-- i+THREADS, … once each and, when they run out, sends its last one again (refused as a report filed
-- meanwhile: counted as "other").
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
    phase, csrf, cookie = args[1], args[2], args[3]
    local total = tonumber(args[5])
    mine = {}
    local index = 0
    for line in io.lines(args[4]) do
        if line ~= "" then
            index = index + 1
            if (index - 1) % total == id - 1 then table.insert(mine, line) end
        end
    end
    sent, answered, other = 0, 0, 0
    headers = {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie}
end

function request()
    sent = sent + 1
    local path, period, basis = mine[math.min(sent, #mine)]:match("^(%S+) (%S+) (%S+)$")
    local body = "_csrf=" .. csrf .. "&period=" .. period .. "&prefilled=" .. period ..
        (basis ~= "-" and ("&basis=" .. basis) or "") ..
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
