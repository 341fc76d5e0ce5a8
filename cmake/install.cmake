# `cmake --install BUILD --prefix P`: the kg tool (P/bin/kg), the models (P/share/kg/models), the
# libraries (P/lib), the public headers (P/include/kg/<stage>/<header>.h, one per stage; everything
# else under src/ is internal) and a CMake package (P/lib/cmake/kg) so that an outside project can
# write find_package(kg CONFIG REQUIRED) and link kg::kg. docs/architecture.md lists the layers.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# The public headers: what an outside program includes. They include only each other.
set(KG_PUBLIC_HEADERS
  common/status.h common/file.h
  doc/document.h doc/triple.h doc/triples_jsonl.h
  input/reader.h
  extract/extractor.h
  store/store.h
  pipeline/pipeline.h
  query/query.h query/relations.h query/match.h
  export/export.h)
foreach(header ${KG_PUBLIC_HEADERS})
  get_filename_component(dir ${header} DIRECTORY)
  install(FILES src/${header} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kg/${dir})
endforeach()

# kg::kg: everything a program that builds, reads or exports graphs links.
add_library(kg_library INTERFACE)
target_link_libraries(kg_library INTERFACE kg_pipeline kg_query kg_export)
set_target_properties(kg_library PROPERTIES EXPORT_NAME kg)
set(KG_INSTALLED_LIBRARIES kg_common kg_doc kg_nn kg_proto kg_input kg_text kg_tag kg_parse kg_ner
    kg_extract kg_store kg_pipeline kg_query kg_export kg_library)
install(TARGETS ${KG_INSTALLED_LIBRARIES} EXPORT kgTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} ${CMAKE_INSTALL_INCLUDEDIR}/kg)
install(TARGETS kg RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(KG_INSTALL_MODELSDIR ${CMAKE_INSTALL_DATADIR}/kg/models)
install(FILES models/README.md models/tokenizer.kgm models/tagger.bin models/parser.bin
              models/parser-ap.bin models/ner.bin
        DESTINATION ${KG_INSTALL_MODELSDIR})

set(KG_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/kg)
install(EXPORT kgTargets NAMESPACE kg:: DESTINATION ${KG_CMAKE_DIR})
configure_package_config_file(cmake/kgConfig.cmake.in ${PROJECT_BINARY_DIR}/kgConfig.cmake
  INSTALL_DESTINATION ${KG_CMAKE_DIR} PATH_VARS KG_INSTALL_MODELSDIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kgConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/kgConfig.cmake ${PROJECT_BINARY_DIR}/kgConfigVersion.cmake
        DESTINATION ${KG_CMAKE_DIR})
