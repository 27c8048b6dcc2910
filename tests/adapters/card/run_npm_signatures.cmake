# The ctest card_npm_signatures: installs the pinned npm packages (npm/package-lock.json) into
# the build tree, has them sign deliveries (npm/sign.mjs) and runs the C++ checker on them.
# Any step that fails fails the test with what went wrong: no network means a failure, not a
# silent pass.
#   cmake -DNPM=... -DNODE=... -DSOURCE_DIR=<tests/adapters/card/npm> -DWORK_DIR=<build dir>
#         -DCHECKER=<card_npm_signature_check> -P run_npm_signatures.cmake
foreach(tool NPM NODE)
  if(NOT ${tool} OR ${tool} MATCHES "NOTFOUND$")
    message(FATAL_ERROR "card_npm_signatures needs ${tool} (node.js and npm) on PATH at configure "
                        "time; scripts/install-deps.sh installs them")
  endif()
endforeach()

file(MAKE_DIRECTORY ${WORK_DIR})
file(COPY ${SOURCE_DIR}/package.json ${SOURCE_DIR}/package-lock.json ${SOURCE_DIR}/sign.mjs
     DESTINATION ${WORK_DIR})

execute_process(
  COMMAND ${NPM} ci --no-audit --no-fund --prefix ${WORK_DIR}
  WORKING_DIRECTORY ${WORK_DIR}
  RESULT_VARIABLE npm_result OUTPUT_VARIABLE npm_output ERROR_VARIABLE npm_output
  TIMEOUT 240)
if(NOT npm_result EQUAL 0)
  message(FATAL_ERROR "npm ci failed (${npm_result}): the npm registry must be reachable to "
                      "install standardwebhooks and stripe into ${WORK_DIR}.\n${npm_output}")
endif()

execute_process(
  COMMAND ${NODE} ${WORK_DIR}/sign.mjs
  WORKING_DIRECTORY ${WORK_DIR}
  RESULT_VARIABLE node_result OUTPUT_FILE ${WORK_DIR}/cases.json ERROR_VARIABLE node_error)
if(NOT node_result EQUAL 0)
  message(FATAL_ERROR "node sign.mjs failed (${node_result}):\n${node_error}")
endif()

set(ENV{CAISSE_CARD_NPM_CASES} ${WORK_DIR}/cases.json)
execute_process(COMMAND ${CHECKER} RESULT_VARIABLE check_result)
if(NOT check_result EQUAL 0)
  message(FATAL_ERROR "the card adapter disagrees with the npm packages' signatures "
                      "(cases in ${WORK_DIR}/cases.json)")
endif()
