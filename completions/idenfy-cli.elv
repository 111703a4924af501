
use builtin;
use str;

set edit:completion:arg-completer[idenfy-cli] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'idenfy-cli'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'idenfy-cli'= {
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --base-url 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]'
            cand --timeout 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -v 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand --verbose 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand --redact 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Overall status, face and document results, tags, and a verdict in plain words; one row per case for several'
            cand data 'Every field read from the document, grouped, nulls visible'
            cand files 'The photo, video and PDF links with their kind and expiry; --download saves them'
            cand case 'One report for a support case: verdict, data and files (three calls, made at once); one row per case for several'
            cand find 'The verifications of one of your clients: scanRef, status, suspected'
            cand pdf 'iDenfy''s own PDF report of a verification, saved as a file (one call)'
            cand explain 'What a status, check result, tag or data value means, offline; --list shows them all'
            cand webhook 'Webhooks: receive, replay and sign deliveries; check a stored one against its signature and the API'
            cand config 'Show, locate or create the config file'
            cand samples 'Sample responses to try the tool on, with no credentials: the list, or one printed'
            cand completions 'Print a shell completion script'
            cand man 'Print the manual page (roff): every command, exit status, environment, files'
            cand help 'The help of a command, or a topic: environment, exit-codes'
        }
        &'idenfy-cli;status'= {
            cand --input 'Render a saved response from FILE (''-'' for stdin) instead of calling the API; needs no credentials'
            cand --from 'Read the scanRefs from FILE (''-'' for stdin), one per line; ''#'' starts a comment'
            cand --jobs 'How many scanRefs to look up at once'
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --base-url 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]'
            cand --timeout 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -v 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand --verbose 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand --redact 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;data'= {
            cand --input 'Render a saved response from FILE (''-'' for stdin) instead of calling the API; needs no credentials'
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --base-url 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]'
            cand --timeout 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -v 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand --verbose 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand --redact 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;files'= {
            cand --input 'Render a saved response from FILE (''-'' for stdin) instead of calling the API; needs no credentials'
            cand --download 'Save every file into DIR [default: ./<SCAN_REF>], checksums in DIR/manifest.json'
            cand --only 'Save only these file keys (comma-separated, any case), e.g. --only FRONT,FACE'
            cand --jobs 'How many files to fetch at once'
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --base-url 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]'
            cand --timeout 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --force 'Replace files that already exist in DIR (they are kept otherwise)'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -v 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand --verbose 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand --redact 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;case'= {
            cand --from 'Read the scanRefs from FILE (''-'' for stdin), one per line; ''#'' starts a comment'
            cand --download 'Save every file into DIR [default: ./<SCAN_REF>], checksums in DIR/manifest.json'
            cand --save 'Save the case file into DIR [default: ./<SCAN_REF>]: the three responses as received, every file, report.html, checksums (manifest.json, SHA256SUMS)'
            cand --input 'Show the case file saved (with --save) in DIR again, offline; needs no credentials'
            cand --jobs 'How many scanRefs to look up at once; with --download or --save, how many files to fetch at once'
            cand --only 'Save only these file keys (comma-separated, any case), e.g. --only FRONT,FACE'
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --base-url 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]'
            cand --timeout 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --pdf 'With --save: iDenfy''s own PDF report too (one more call), as idenfy-report.pdf in the case file'
            cand --force 'Replace files that already exist in DIR (they are kept otherwise)'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -v 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand --verbose 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand --redact 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;find'= {
            cand --client-id 'Your client ID, as given when the verifications were created'
            cand --limit 'Stop after this many results (pages are fetched only as needed)'
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --base-url 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]'
            cand --timeout 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -v 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand --verbose 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand --redact 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;pdf'= {
            cand -o 'Where to save the PDF; default <SCAN_REF>.pdf in the current folder'
            cand --output 'Where to save the PDF; default <SCAN_REF>.pdf in the current folder'
            cand --language 'The language iDenfy writes the report in; iDenfy''s default when not given'
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --base-url 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]'
            cand --timeout 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --no-photos 'Leave the photos and the additional steps'' files out of the PDF'
            cand --force 'Replace FILE when it exists'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -v 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand --verbose 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand --redact 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;explain'= {
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --list 'List every known code, grouped by category'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;webhook'= {
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --base-url 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]'
            cand --timeout 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -v 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand --verbose 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand --redact 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand verify 'Whether --signature is the HMAC-SHA256 of FILE''s exact bytes (stdin without FILE); a capture of `webhook listen` brings its own signature'
            cand show 'Render a stored payload like status, data and files, offline'
            cand diff 'Compare a stored payload with what the API answers now (status, data, files)'
            cand listen 'Receive webhook deliveries locally: save each byte-exact, check its signature, print one line each'
            cand send 'POST a stored body (stdin without FILE) to your own endpoint, exactly its bytes, freshly signed; once, no retry'
            cand sign 'Print the Idenfy-Signature value (hex HMAC-SHA256) of FILE''s exact bytes (stdin without FILE)'
        }
        &'idenfy-cli;webhook;verify'= {
            cand --signature 'The Idenfy-Signature header''s value (hex) [default: the one noted in FILE''s NAME.meta.json, for a capture of `webhook listen`]'
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;webhook;show'= {
            cand --event-type 'The Idenfy-Event-Type the payload came with (e.g. IDENTIFICATION_MANUAL_FINISHED)'
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand --redact 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;webhook;diff'= {
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --base-url 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]'
            cand --timeout 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -v 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand --verbose 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand --redact 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;webhook;listen'= {
            cand --bind 'The address to listen on; another than loopback makes the receiver reachable from the network'
            cand --port 'The port to listen on (0: any free port, named on stderr)'
            cand --dir 'Where deliveries are saved (created with mode 0700)'
            cand --forward 'Also pass each delivery on to URL (https, or http to this machine), exactly its bytes and headers'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;webhook;send'= {
            cand --to 'Your endpoint (https, or http to this machine); never an iDenfy host'
            cand --event-type 'The Idenfy-Event-Type header to send'
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --timeout 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -v 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand --verbose 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;webhook;sign'= {
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;config'= {
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --base-url 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]'
            cand --timeout 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -v 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand --verbose 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand --redact 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Each resolved setting with where it came from (secrets redacted)'
            cand path 'Print the config file''s path'
            cand init 'Write a commented config template (mode 0600 on Unix); never overwrites'
        }
        &'idenfy-cli;config;show'= {
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --base-url 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]'
            cand --timeout 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;config;path'= {
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;config;init'= {
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;samples'= {
            cand -o 'Write the sample to FILE instead of stdout (an existing file is kept unless --force)'
            cand --output 'Write the sample to FILE instead of stdout (an existing file is kept unless --force)'
            cand --jq 'Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does'
            cand --format 'Output format: table (for a terminal), json, or markdown (to paste into a ticket)'
            cand -p 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --profile 'Profile of the config file to use [env: IDENFY_PROFILE] [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]'
            cand --base-url 'API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]'
            cand --timeout 'Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]'
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --force 'With -o: replace FILE when it exists'
            cand --json 'Print the response as JSON (key order and values as the API sent them); short for --format json'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -v 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand --verbose 'Trace each HTTP exchange on stderr (credentials and URL signatures redacted)'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand --redact 'Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;completions'= {
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;man'= {
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'idenfy-cli;help'= {
            cand --color 'When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply'
            cand --no-pager 'Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]'
            cand -q 'No warnings and no progress output'
            cand --quiet 'No warnings and no progress output'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Overall status, face and document results, tags, and a verdict in plain words; one row per case for several'
            cand data 'Every field read from the document, grouped, nulls visible'
            cand files 'The photo, video and PDF links with their kind and expiry; --download saves them'
            cand case 'One report for a support case: verdict, data and files (three calls, made at once); one row per case for several'
            cand find 'The verifications of one of your clients: scanRef, status, suspected'
            cand pdf 'iDenfy''s own PDF report of a verification, saved as a file (one call)'
            cand explain 'What a status, check result, tag or data value means, offline; --list shows them all'
            cand webhook 'Webhooks: receive, replay and sign deliveries; check a stored one against its signature and the API'
            cand config 'Show, locate or create the config file'
            cand samples 'Sample responses to try the tool on, with no credentials: the list, or one printed'
            cand completions 'Print a shell completion script'
            cand man 'Print the manual page (roff): every command, exit status, environment, files'
            cand environment 'The environment variables idenfy-cli reads'
            cand exit-codes 'What each exit status means'
        }
        &'idenfy-cli;help;status'= {
        }
        &'idenfy-cli;help;data'= {
        }
        &'idenfy-cli;help;files'= {
        }
        &'idenfy-cli;help;case'= {
        }
        &'idenfy-cli;help;find'= {
        }
        &'idenfy-cli;help;pdf'= {
        }
        &'idenfy-cli;help;explain'= {
        }
        &'idenfy-cli;help;webhook'= {
            cand verify 'Whether --signature is the HMAC-SHA256 of FILE''s exact bytes (stdin without FILE); a capture of `webhook listen` brings its own signature'
            cand show 'Render a stored payload like status, data and files, offline'
            cand diff 'Compare a stored payload with what the API answers now (status, data, files)'
            cand listen 'Receive webhook deliveries locally: save each byte-exact, check its signature, print one line each'
            cand send 'POST a stored body (stdin without FILE) to your own endpoint, exactly its bytes, freshly signed; once, no retry'
            cand sign 'Print the Idenfy-Signature value (hex HMAC-SHA256) of FILE''s exact bytes (stdin without FILE)'
        }
        &'idenfy-cli;help;webhook;verify'= {
        }
        &'idenfy-cli;help;webhook;show'= {
        }
        &'idenfy-cli;help;webhook;diff'= {
        }
        &'idenfy-cli;help;webhook;listen'= {
        }
        &'idenfy-cli;help;webhook;send'= {
        }
        &'idenfy-cli;help;webhook;sign'= {
        }
        &'idenfy-cli;help;config'= {
            cand show 'Each resolved setting with where it came from (secrets redacted)'
            cand path 'Print the config file''s path'
            cand init 'Write a commented config template (mode 0600 on Unix); never overwrites'
        }
        &'idenfy-cli;help;config;show'= {
        }
        &'idenfy-cli;help;config;path'= {
        }
        &'idenfy-cli;help;config;init'= {
        }
        &'idenfy-cli;help;samples'= {
        }
        &'idenfy-cli;help;completions'= {
        }
        &'idenfy-cli;help;man'= {
        }
        &'idenfy-cli;help;environment'= {
        }
        &'idenfy-cli;help;exit-codes'= {
        }
    ]
    $completions[$command]
}
