
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'idenfy-cli' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'idenfy-cli'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'idenfy-cli' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Overall status, face and document results, tags, and a verdict in plain words; one row per case for several')
            [CompletionResult]::new('data', 'data', [CompletionResultType]::ParameterValue, 'Every field read from the document, grouped, nulls visible')
            [CompletionResult]::new('files', 'files', [CompletionResultType]::ParameterValue, 'The photo, video and PDF links with their kind and expiry; --download saves them')
            [CompletionResult]::new('case', 'case', [CompletionResultType]::ParameterValue, 'One report for a support case: verdict, data and files (three calls, made at once); one row per case for several')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'The verifications of one of your clients: scanRef, status, suspected')
            [CompletionResult]::new('pdf', 'pdf', [CompletionResultType]::ParameterValue, 'iDenfy''s own PDF report of a verification, saved as a file (one call)')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'What a status, check result, tag or data value means, offline; --list shows them all')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Webhooks: receive, replay and sign deliveries; check a stored one against its signature and the API')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show, locate or create the config file')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Keep API credentials in the system keyring, remove them, or see where each comes from')
            [CompletionResult]::new('samples', 'samples', [CompletionResultType]::ParameterValue, 'Sample responses to try the tool on, with no credentials: the list, or one printed')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff): every command, exit status, environment, files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'The help of a command, or a topic: environment, exit-codes')
            break
        }
        'idenfy-cli;status' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Render a saved response from FILE (''-'' for stdin) instead of calling the API; needs no credentials')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Read the scanRefs from FILE (''-'' for stdin), one per line; ''#'' starts a comment')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many scanRefs to look up at once')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;data' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Render a saved response from FILE (''-'' for stdin) instead of calling the API; needs no credentials')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;files' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Render a saved response from FILE (''-'' for stdin) instead of calling the API; needs no credentials')
            [CompletionResult]::new('--download', '--download', [CompletionResultType]::ParameterName, 'Save every file into DIR [default: ./<SCAN_REF>], checksums in DIR/manifest.json')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Save only these file keys (comma-separated, any case), e.g. --only FRONT,FACE')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many files to fetch at once')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace files that already exist in DIR (they are kept otherwise)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;case' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Read the scanRefs from FILE (''-'' for stdin), one per line; ''#'' starts a comment')
            [CompletionResult]::new('--download', '--download', [CompletionResultType]::ParameterName, 'Save every file into DIR [default: ./<SCAN_REF>], checksums in DIR/manifest.json')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the case file into DIR [default: ./<SCAN_REF>]: the three responses as received, every file, report.html, checksums (manifest.json, SHA256SUMS)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Show the case file saved (with --save) in DIR again, offline; needs no credentials')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many scanRefs to look up at once; with --download or --save, how many files to fetch at once')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Save only these file keys (comma-separated, any case), e.g. --only FRONT,FACE')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--pdf', '--pdf', [CompletionResultType]::ParameterName, 'With --save: iDenfy''s own PDF report too (one more call), as idenfy-report.pdf in the case file')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace files that already exist in DIR (they are kept otherwise)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;find' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Your client ID, as given when the verifications were created')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after this many results (pages are fetched only as needed)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;pdf' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to save the PDF; default <SCAN_REF>.pdf in the current folder')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to save the PDF; default <SCAN_REF>.pdf in the current folder')
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'The language iDenfy writes the report in; iDenfy''s default when not given')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--no-photos', '--no-photos', [CompletionResultType]::ParameterName, 'Leave the photos and the additional steps'' files out of the PDF')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE when it exists')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;explain' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List every known code, grouped by category')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;webhook' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Whether --signature is the HMAC-SHA256 of FILE''s exact bytes (stdin without FILE); a capture of `webhook listen` brings its own signature')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Render a stored payload like status, data and files, offline')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare a stored payload with what the API answers now (status, data, files)')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhook deliveries locally: save each byte-exact, check its signature, print one line each')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'POST a stored body (stdin without FILE) to your own endpoint, exactly its bytes, freshly signed; once, no retry')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the Idenfy-Signature value (hex HMAC-SHA256) of FILE''s exact bytes (stdin without FILE)')
            break
        }
        'idenfy-cli;webhook;verify' {
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The Idenfy-Signature header''s value (hex) [default: the one noted in FILE''s NAME.meta.json, for a capture of `webhook listen`]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;webhook;show' {
            [CompletionResult]::new('--event-type', '--event-type', [CompletionResultType]::ParameterName, 'The Idenfy-Event-Type the payload came with (e.g. IDENTIFICATION_MANUAL_FINISHED)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;webhook;diff' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;webhook;listen' {
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'The address to listen on; another than loopback makes the receiver reachable from the network')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The port to listen on (0: any free port, named on stderr)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Where deliveries are saved (created with mode 0700)')
            [CompletionResult]::new('--forward', '--forward', [CompletionResultType]::ParameterName, 'Also pass each delivery on to URL (https, or http to this machine), exactly its bytes and headers')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;webhook;send' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Your endpoint (https, or http to this machine); never an iDenfy host')
            [CompletionResult]::new('--event-type', '--event-type', [CompletionResultType]::ParameterName, 'The Idenfy-Event-Type header to send')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;webhook;sign' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;config' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Each resolved setting with where it came from (secrets redacted)')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented config template (mode 0600 on Unix); never overwrites')
            break
        }
        'idenfy-cli;config;show' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;config;path' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;config;init' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;auth' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Keep a profile''s API key and secret in the system keyring; typed without echo, or two lines on stdin')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove a profile''s API key and secret from the system keyring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Where each profile''s API key and secret come from (environment, keyring, api_secret_command, config file); never their values')
            break
        }
        'idenfy-cli;auth;login' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;auth;logout' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;auth;status' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;samples' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the sample to FILE instead of stdout (an existing file is kept unless --force)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the sample to FILE instead of stdout (an existing file is kept unless --force)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With -o: replace FILE when it exists')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the response as JSON (key order and values as the API sent them); short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;man' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'idenfy-cli;help' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply')
            [CompletionResult]::new('--hyperlinks', '--hyperlinks', [CompletionResultType]::ParameterName, 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No warnings and no progress output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Overall status, face and document results, tags, and a verdict in plain words; one row per case for several')
            [CompletionResult]::new('data', 'data', [CompletionResultType]::ParameterValue, 'Every field read from the document, grouped, nulls visible')
            [CompletionResult]::new('files', 'files', [CompletionResultType]::ParameterValue, 'The photo, video and PDF links with their kind and expiry; --download saves them')
            [CompletionResult]::new('case', 'case', [CompletionResultType]::ParameterValue, 'One report for a support case: verdict, data and files (three calls, made at once); one row per case for several')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'The verifications of one of your clients: scanRef, status, suspected')
            [CompletionResult]::new('pdf', 'pdf', [CompletionResultType]::ParameterValue, 'iDenfy''s own PDF report of a verification, saved as a file (one call)')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'What a status, check result, tag or data value means, offline; --list shows them all')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Webhooks: receive, replay and sign deliveries; check a stored one against its signature and the API')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show, locate or create the config file')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Keep API credentials in the system keyring, remove them, or see where each comes from')
            [CompletionResult]::new('samples', 'samples', [CompletionResultType]::ParameterValue, 'Sample responses to try the tool on, with no credentials: the list, or one printed')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff): every command, exit status, environment, files')
            [CompletionResult]::new('environment', 'environment', [CompletionResultType]::ParameterValue, 'The environment variables idenfy-cli reads')
            [CompletionResult]::new('exit-codes', 'exit-codes', [CompletionResultType]::ParameterValue, 'What each exit status means')
            break
        }
        'idenfy-cli;help;status' {
            break
        }
        'idenfy-cli;help;data' {
            break
        }
        'idenfy-cli;help;files' {
            break
        }
        'idenfy-cli;help;case' {
            break
        }
        'idenfy-cli;help;find' {
            break
        }
        'idenfy-cli;help;pdf' {
            break
        }
        'idenfy-cli;help;explain' {
            break
        }
        'idenfy-cli;help;webhook' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Whether --signature is the HMAC-SHA256 of FILE''s exact bytes (stdin without FILE); a capture of `webhook listen` brings its own signature')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Render a stored payload like status, data and files, offline')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare a stored payload with what the API answers now (status, data, files)')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhook deliveries locally: save each byte-exact, check its signature, print one line each')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'POST a stored body (stdin without FILE) to your own endpoint, exactly its bytes, freshly signed; once, no retry')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the Idenfy-Signature value (hex HMAC-SHA256) of FILE''s exact bytes (stdin without FILE)')
            break
        }
        'idenfy-cli;help;webhook;verify' {
            break
        }
        'idenfy-cli;help;webhook;show' {
            break
        }
        'idenfy-cli;help;webhook;diff' {
            break
        }
        'idenfy-cli;help;webhook;listen' {
            break
        }
        'idenfy-cli;help;webhook;send' {
            break
        }
        'idenfy-cli;help;webhook;sign' {
            break
        }
        'idenfy-cli;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Each resolved setting with where it came from (secrets redacted)')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented config template (mode 0600 on Unix); never overwrites')
            break
        }
        'idenfy-cli;help;config;show' {
            break
        }
        'idenfy-cli;help;config;path' {
            break
        }
        'idenfy-cli;help;config;init' {
            break
        }
        'idenfy-cli;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Keep a profile''s API key and secret in the system keyring; typed without echo, or two lines on stdin')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove a profile''s API key and secret from the system keyring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Where each profile''s API key and secret come from (environment, keyring, api_secret_command, config file); never their values')
            break
        }
        'idenfy-cli;help;auth;login' {
            break
        }
        'idenfy-cli;help;auth;logout' {
            break
        }
        'idenfy-cli;help;auth;status' {
            break
        }
        'idenfy-cli;help;samples' {
            break
        }
        'idenfy-cli;help;completions' {
            break
        }
        'idenfy-cli;help;man' {
            break
        }
        'idenfy-cli;help;environment' {
            break
        }
        'idenfy-cli;help;exit-codes' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
