--[[
energy.lua: a Pandoc Lua filter that turns `energy` code blocks into display math.

    pandoc notes.md --lua-filter energy.lua --katex -s -o notes.html

All blocks of a document go to the tool in ONE call (`energy render --blocks-json`), so the
engine starts once and a later block may use what an earlier one declared. Block options are
Pandoc attributes: ```{.energy show="H1,H0" .source .check}``` (show: which results; hide: none;
source: keep the block; check: verify the results numerically, failing the build on a mismatch).

The tool is `energy` on PATH unless the metadata field `energy-command` or the environment
variable ENERGY_COMMAND names another (words separated by spaces, e.g. "/opt/energy/energy").
An error in a block stops the build with `notes.md:42:17: error: ...`, the line and a caret.
--]]

local blocks = {}        -- the energy code blocks, in document order
local command = nil      -- from the metadata, if given

local function is_energy(el)
  return el.classes[1] == "energy" or (el.classes:includes("energy"))
end

-- Pandoc's attributes as the tool's option words.
local function options(el)
  local words = {}
  for _, class in ipairs(el.classes) do
    if class ~= "energy" then table.insert(words, class) end
  end
  for key, value in pairs(el.attributes) do
    if key == "show" then
      table.insert(words, 'show="' .. value .. '"')
    elseif value == "" or value == "true" then
      table.insert(words, key)
    elseif value ~= "false" then
      table.insert(words, key .. "=" .. value) -- the tool names the unknown option
    end
  end
  return table.concat(words, " ")
end

local function json_string(s)
  local escaped = s:gsub('[%c"\\]', function(c)
    local named = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
    return named[c] or string.format("\\u%04x", c:byte())
  end)
  return '"' .. escaped .. '"'
end

-- A small JSON reader for the tool's answer (pandoc.json exists from Pandoc 3.1.1 only).
local function json_decode(text)
  local pos = 1
  local value
  local function skip() pos = text:find("[^ \t\r\n]", pos) or #text + 1 end
  local function fail(what) error("energy.lua: malformed answer from the tool (" .. what .. " at byte " .. pos .. ")") end
  local function str()
    local out = {}
    pos = pos + 1
    while true do
      local c = text:sub(pos, pos)
      if c == "" then fail("unterminated string") end
      if c == '"' then pos = pos + 1; return table.concat(out) end
      if c == "\\" then
        local e = text:sub(pos + 1, pos + 1)
        local simple = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" }
        if simple[e] then
          table.insert(out, simple[e]); pos = pos + 2
        elseif e == "u" then
          local code = tonumber(text:sub(pos + 2, pos + 5), 16)
          pos = pos + 6
          if code >= 0xD800 and code <= 0xDBFF and text:sub(pos, pos + 1) == "\\u" then
            local low = tonumber(text:sub(pos + 2, pos + 5), 16)
            code = 0x10000 + (code - 0xD800) * 0x400 + (low - 0xDC00)
            pos = pos + 6
          end
          table.insert(out, utf8.char(code))
        else
          fail("bad escape")
        end
      else
        local stop = text:find('["\\]', pos) or #text + 1
        table.insert(out, text:sub(pos, stop - 1)); pos = stop
      end
    end
  end
  function value()
    skip()
    local c = text:sub(pos, pos)
    if c == "{" then
      local obj = {}
      pos = pos + 1; skip()
      if text:sub(pos, pos) == "}" then pos = pos + 1; return obj end
      while true do
        skip()
        if text:sub(pos, pos) ~= '"' then fail("expected a key") end
        local k = str(); skip()
        if text:sub(pos, pos) ~= ":" then fail("expected ':'") end
        pos = pos + 1
        obj[k] = value(); skip()
        local d = text:sub(pos, pos); pos = pos + 1
        if d == "}" then return obj elseif d ~= "," then fail("expected ',' or '}'") end
      end
    elseif c == "[" then
      local arr = {}
      pos = pos + 1; skip()
      if text:sub(pos, pos) == "]" then pos = pos + 1; return arr end
      while true do
        table.insert(arr, value()); skip()
        local d = text:sub(pos, pos); pos = pos + 1
        if d == "]" then return arr elseif d ~= "," then fail("expected ',' or ']'") end
      end
    elseif c == '"' then
      return str()
    elseif text:sub(pos, pos + 3) == "true" then pos = pos + 4; return true
    elseif text:sub(pos, pos + 4) == "false" then pos = pos + 5; return false
    elseif text:sub(pos, pos + 3) == "null" then pos = pos + 4; return nil
    else
      local num = text:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      if not num or num == "" then fail("unexpected character") end
      pos = pos + #num
      return tonumber(num)
    end
  end
  return value()
end

-- The document's name and text, to give each block its line (messages point into the file).
local function input()
  local files = PANDOC_STATE and PANDOC_STATE.input_files or {}
  if #files ~= 1 or files[1] == "-" then return (files[1] ~= "-" and files[1]) or "<stdin>", nil end
  local f = io.open(files[1], "r")
  if not f then return files[1], nil end
  local text = f:read("a")
  f:close()
  return files[1], text
end

-- The line of each block's first code line, found in order in the text; nil where not found.
local function locate(text)
  local lines, from = {}, 1
  if not text then return lines end
  for i, el in ipairs(blocks) do
    local at = el.text ~= "" and text:find(el.text, from, true)
    if at then
      local _, newlines = text:sub(1, at - 1):gsub("\n", "")
      lines[i] = newlines + 1
      from = at + #el.text
    end
  end
  return lines
end

local function tool()
  local words = {}
  for w in (command or os.getenv("ENERGY_COMMAND") or "energy"):gmatch("%S+") do table.insert(words, w) end
  return table.remove(words, 1), words
end

local function render()
  local origin, text = input()
  local lines = locate(text)
  local items = {}
  for i, el in ipairs(blocks) do
    table.insert(items, string.format('{"code": %s, "line": %s, "options": %s}',
      json_string(el.text), lines[i] and tostring(lines[i]) or "null", json_string(options(el))))
  end
  local request = string.format('{"origin": %s, "format": "web", "blocks": [%s]}', json_string(origin), table.concat(items, ", "))
  local program, args = tool()
  table.insert(args, "render"); table.insert(args, "--blocks-json"); table.insert(args, "-")
  local ok, answer = pcall(pandoc.pipe, program, args, request)
  if not ok then
    -- The tool has printed its positioned message on standard error; stop the build.
    local code = type(answer) == "table" and answer.error_code or tostring(answer)
    io.stderr:write("energy.lua: '" .. program .. " render' failed (exit " .. tostring(code) .. "); see the message above\n")
    os.exit(1)
  end
  return (pandoc.json and pandoc.json.decode and pandoc.json.decode(answer, false)) or json_decode(answer)
end

local answer = nil
local next_block = 0

return {
  {
    Meta = function(meta)
      if meta["energy-command"] then command = pandoc.utils.stringify(meta["energy-command"]) end
    end,
    CodeBlock = function(el)
      if is_energy(el) then table.insert(blocks, el) end
    end,
  },
  {
    CodeBlock = function(el)
      if not is_energy(el) then return nil end
      answer = answer or render()
      next_block = next_block + 1
      local result = answer.blocks[next_block]
      local out = {}
      if result.source then
        table.insert(out, pandoc.CodeBlock(el.text, pandoc.Attr(el.identifier, { "energy-source" })))
      end
      for _, r in ipairs(result.results) do
        table.insert(out, pandoc.Para({ pandoc.Math("DisplayMath", r.math) }))
      end
      return out
    end,
  },
}
