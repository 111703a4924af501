# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_idenfy_cli_global_optspecs
    string join \n json jq= format= no-pager p/profile= config= base-url= timeout= color= hyperlinks= v/verbose q/quiet redact h/help V/version
end

function __fish_idenfy_cli_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_idenfy_cli_global_optspecs) -- $cmd 2>/dev/null
    or argparse -s (__fish_idenfy_cli_global_optspecs) -- $cmd[1..-2] 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_idenfy_cli_using_subcommand
    set -l cmd (__fish_idenfy_cli_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -f -a "status" -d 'Overall status, face and document results, tags, and a verdict in plain words; one row per case for several'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -f -a "data" -d 'Every field read from the document, grouped, nulls visible'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -f -a "files" -d 'The photo, video and PDF links with their kind and expiry; --download saves them'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -f -a "case" -d 'One report for a support case: verdict, data and files (three calls, made at once); one row per case for several'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -f -a "find" -d 'The verifications of one of your clients: scanRef, status, suspected'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -f -a "pdf" -d 'iDenfy\'s own PDF report of a verification, saved as a file (one call)'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -f -a "explain" -d 'What a status, check result, tag or data value means, offline; --list shows them all'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -f -a "webhook" -d 'Webhooks: receive, replay and sign deliveries; check a stored one against its signature and the API'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -f -a "config" -d 'Show, locate or create the config file'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -f -a "auth" -d 'Keep API credentials in the system keyring, remove them, or see where each comes from'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -f -a "samples" -d 'Sample responses to try the tool on, with no credentials: the list, or one printed'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -f -a "man" -d 'Print the manual page (roff): every command, exit status, environment, files'
complete -c idenfy-cli -n "__fish_idenfy_cli_needs_command" -f -a "help" -d 'The help of a command, or a topic: environment, exit-codes'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -l input -d 'Render a saved response from FILE (\'-\' for stdin) instead of calling the API; needs no credentials' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -l from -d 'Read the scanRefs from FILE (\'-\' for stdin), one per line; \'#\' starts a comment' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -l jobs -d 'How many scanRefs to look up at once' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand status" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -l input -d 'Render a saved response from FILE (\'-\' for stdin) instead of calling the API; needs no credentials' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand data" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l input -d 'Render a saved response from FILE (\'-\' for stdin) instead of calling the API; needs no credentials' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l download -d 'Save every file into DIR [default: ./<SCAN_REF>], checksums in DIR/manifest.json' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l only -d 'Save only these file keys (comma-separated, any case), e.g. --only FRONT,FACE' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l jobs -d 'How many files to fetch at once' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l force -d 'Replace files that already exist in DIR (they are kept otherwise)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand files" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l from -d 'Read the scanRefs from FILE (\'-\' for stdin), one per line; \'#\' starts a comment' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l download -d 'Save every file into DIR [default: ./<SCAN_REF>], checksums in DIR/manifest.json' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l save -d 'Save the case file into DIR [default: ./<SCAN_REF>]: the three responses as received, every file, report.html, checksums (manifest.json, SHA256SUMS)' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l input -d 'Show the case file saved (with --save) in DIR again, offline; needs no credentials' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l jobs -d 'How many scanRefs to look up at once; with --download or --save, how many files to fetch at once' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l only -d 'Save only these file keys (comma-separated, any case), e.g. --only FRONT,FACE' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l pdf -d 'With --save: iDenfy\'s own PDF report too (one more call), as idenfy-report.pdf in the case file'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l force -d 'Replace files that already exist in DIR (they are kept otherwise)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand case" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -l client-id -d 'Your client ID, as given when the verifications were created' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -l limit -d 'Stop after this many results (pages are fetched only as needed)' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand find" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -s o -l output -d 'Where to save the PDF; default <SCAN_REF>.pdf in the current folder' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -l language -d 'The language iDenfy writes the report in; iDenfy\'s default when not given' -r -f -a "en\t''
lt\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -l no-photos -d 'Leave the photos and the additional steps\' files out of the PDF'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -l force -d 'Replace FILE when it exists'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand pdf" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand explain" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand explain" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand explain" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand explain" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand explain" -l list -d 'List every known code, grouped by category'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand explain" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand explain" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand explain" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand explain" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -f -a "verify" -d 'Whether --signature is the HMAC-SHA256 of FILE\'s exact bytes (stdin without FILE); a capture of `webhook listen` brings its own signature'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -f -a "show" -d 'Render a stored payload like status, data and files, offline'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -f -a "diff" -d 'Compare a stored payload with what the API answers now (status, data, files)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -f -a "listen" -d 'Receive webhook deliveries locally: save each byte-exact, check its signature, print one line each'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -f -a "send" -d 'POST a stored body (stdin without FILE) to your own endpoint, exactly its bytes, freshly signed; once, no retry'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and not __fish_seen_subcommand_from verify show diff listen send sign" -f -a "sign" -d 'Print the Idenfy-Signature value (hex HMAC-SHA256) of FILE\'s exact bytes (stdin without FILE)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l signature -d 'The Idenfy-Signature header\'s value (hex) [default: the one noted in FILE\'s NAME.meta.json, for a capture of `webhook listen`]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from verify" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from show" -l event-type -d 'The Idenfy-Event-Type the payload came with (e.g. IDENTIFICATION_MANUAL_FINISHED)' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from show" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from show" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from show" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from show" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from show" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from show" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l bind -d 'The address to listen on; another than loopback makes the receiver reachable from the network' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l port -d 'The port to listen on (0: any free port, named on stderr)' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l dir -d 'Where deliveries are saved (created with mode 0700)' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l forward -d 'Also pass each delivery on to URL (https, or http to this machine), exactly its bytes and headers' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s h -l help -d 'Print help'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from send" -l to -d 'Your endpoint (https, or http to this machine); never an iDenfy host' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from send" -l event-type -d 'The Idenfy-Event-Type header to send' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from send" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from send" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from send" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from send" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from send" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from send" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from send" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from send" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from send" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from send" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from send" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from sign" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from sign" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from sign" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from sign" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from sign" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from sign" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from sign" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from sign" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand webhook; and __fish_seen_subcommand_from sign" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -f -a "show" -d 'Each resolved setting with where it came from (secrets redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -f -a "path" -d 'Print the config file\'s path'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and not __fish_seen_subcommand_from show path init" -f -a "init" -d 'Write a commented config template (mode 0600 on Unix); never overwrites'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from show" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from show" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from show" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from show" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from show" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from path" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from path" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from path" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from path" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from init" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from init" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from init" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from init" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from init" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from init" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from init" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from init" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand config; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -f -a "login" -d 'Keep a profile\'s API key and secret in the system keyring; typed without echo, or two lines on stdin'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -f -a "logout" -d 'Remove a profile\'s API key and secret from the system keyring'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and not __fish_seen_subcommand_from login logout status" -f -a "status" -d 'Where each profile\'s API key and secret come from (environment, keyring, api_secret_command, config file); never their values'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -s o -l output -d 'Write the sample to FILE instead of stdout (an existing file is kept unless --force)' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -l jq -d 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -l format -d 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)' -r -f -a "table\t'Tables and prose, fitted to the terminal'
json\t'The response as JSON'
markdown\t'Headings and Markdown tables, no colour'"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -s p -l profile -d 'Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file\'s default_profile, else "default"]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -l config -d 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]' -r -F
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -l base-url -d 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -l timeout -d 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]' -r
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -l force -d 'With -o: replace FILE when it exists'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -l json -d 'Print the response as JSON (key order and values as the API sent them); short for --format json'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -s v -l verbose -d 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -l redact -d 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand completions" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand completions" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand completions" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand completions" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand completions" -s h -l help -d 'Print help'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand completions" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand man" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand man" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand man" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand man" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand man" -s h -l help -d 'Print help'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand man" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -l color -d 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -l hyperlinks -d 'When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -l no-pager -d 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -s q -l quiet -d 'No warnings and no progress output'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -s h -l help -d 'Print help'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -s V -l version -d 'Print version'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "status" -d 'Overall status, face and document results, tags, and a verdict in plain words; one row per case for several'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "data" -d 'Every field read from the document, grouped, nulls visible'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "files" -d 'The photo, video and PDF links with their kind and expiry; --download saves them'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "case" -d 'One report for a support case: verdict, data and files (three calls, made at once); one row per case for several'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "find" -d 'The verifications of one of your clients: scanRef, status, suspected'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "pdf" -d 'iDenfy\'s own PDF report of a verification, saved as a file (one call)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "explain" -d 'What a status, check result, tag or data value means, offline; --list shows them all'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "webhook" -d 'Webhooks: receive, replay and sign deliveries; check a stored one against its signature and the API'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "config" -d 'Show, locate or create the config file'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "auth" -d 'Keep API credentials in the system keyring, remove them, or see where each comes from'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "samples" -d 'Sample responses to try the tool on, with no credentials: the list, or one printed'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "completions" -d 'Print a shell completion script'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "man" -d 'Print the manual page (roff): every command, exit status, environment, files'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "environment" -d 'The environment variables idenfy-cli reads'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and not __fish_seen_subcommand_from status data files case find pdf explain webhook config auth samples completions man environment exit-codes" -f -a "exit-codes" -d 'What each exit status means'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "verify" -d 'Whether --signature is the HMAC-SHA256 of FILE\'s exact bytes (stdin without FILE); a capture of `webhook listen` brings its own signature'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "show" -d 'Render a stored payload like status, data and files, offline'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "diff" -d 'Compare a stored payload with what the API answers now (status, data, files)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "listen" -d 'Receive webhook deliveries locally: save each byte-exact, check its signature, print one line each'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "send" -d 'POST a stored body (stdin without FILE) to your own endpoint, exactly its bytes, freshly signed; once, no retry'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "sign" -d 'Print the Idenfy-Signature value (hex HMAC-SHA256) of FILE\'s exact bytes (stdin without FILE)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Each resolved setting with where it came from (secrets redacted)'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Write a commented config template (mode 0600 on Unix); never overwrites'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Keep a profile\'s API key and secret in the system keyring; typed without echo, or two lines on stdin'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Remove a profile\'s API key and secret from the system keyring'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Where each profile\'s API key and secret come from (environment, keyring, api_secret_command, config file); never their values'
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand samples" -f -a "status-denied status-suspected status-approved data files webhook webhook-aml"
complete -c idenfy-cli -n "__fish_idenfy_cli_using_subcommand completions" -f -a "bash elvish fish powershell zsh"
