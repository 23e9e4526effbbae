-- nvim_test.lua - Neovim's own LSP client against advisor-lint --lsp (run by nvim.sh).
--
-- Opens $AL_FILE (a metadata file whose learnMoreLink uses http, on a line with a
-- character outside the BMP before the link), starts the server with
-- vim.lsp.start_client in the workspace $AL_ROOT, and asserts from vim.diagnostic.get()
-- the insecure-link diagnostic's line, its column (Neovim turns the server's UTF-16
-- character into a byte column: a wrong UTF-16 count shows here) and its code. Then it
-- edits the buffer to https, which Neovim sends as a didChange, and asserts the
-- diagnostic is gone. Exits 0 on success, 1 with a message on stderr otherwise.
local lint, file, root = os.getenv("AL_LINT"), os.getenv("AL_FILE"), os.getenv("AL_ROOT")

local function fail(msg)
  io.stderr:write("nvim-lsp: FAIL: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

local function link_diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == "insecure-link" then
      table.insert(out, d)
    end
  end
  return out
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "advisor-lint",
  cmd = { lint, "--lsp", "--no-cache" },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = "ws" } },
})
if not client_id then
  fail("vim.lsp.start_client did not start the server")
end
vim.lsp.buf_attach_client(bufnr, client_id)

-- the expected place: the line holding "http://, in bytes as Neovim counts columns
local row, col
for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
  local at = string.find(line, '"http://', 1, true)
  if at then
    row, col = i - 1, at - 1
  end
end
if not row then
  fail("the fixture has no http link")
end

if not vim.wait(30000, function() return #link_diagnostics(bufnr) > 0 end, 50) then
  fail("no insecure-link diagnostic within 30 s (all: " .. vim.inspect(vim.diagnostic.get(bufnr)) .. ")")
end
local d = link_diagnostics(bufnr)[1]
if d.lnum ~= row or d.col ~= col then
  fail(string.format("insecure-link at %d:%d, expected %d:%d", d.lnum, d.col, row, col))
end
if d.source ~= "advisor-lint" then
  fail("source " .. tostring(d.source))
end
io.stdout:write(string.format("nvim-lsp: insecure-link at line %d, byte column %d, as expected", d.lnum + 1, d.col) .. "\n")

-- fix it in the buffer (not on disk): "http" -> "https"
vim.api.nvim_buf_set_text(bufnr, row, col + 5, row, col + 5, { "s" })
if not vim.wait(30000, function() return #link_diagnostics(bufnr) == 0 end, 50) then
  fail("the insecure-link diagnostic is still there after the edit")
end
io.stdout:write("nvim-lsp: the diagnostic is gone after the edit" .. "\n")
vim.lsp.stop_client(client_id)
vim.cmd("qa!")
