# embed_file(OUT_C SYMBOL INPUT)
#
# Turns INPUT into a C source defining
#   const char SYMBOL[];        (NUL-terminated contents)
#   const size_t SYMBOL_len;    (length without the NUL)
# so schemas and templates ship inside the binaries. The generated file says so
# in its first line.
function(embed_file out_c symbol input)
  add_custom_command(
    OUTPUT "${out_c}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${out_c} -DSYMBOL=${symbol}
            -P "${CMAKE_SOURCE_DIR}/cmake/EmbedFileScript.cmake"
    DEPENDS "${input}" "${CMAKE_SOURCE_DIR}/cmake/EmbedFileScript.cmake"
    COMMENT "Embedding ${input}"
    VERBATIM)
endfunction()
