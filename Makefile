# sitrep — the commands the README promises. Every target runs scripts/setup first.
BUILD ?= build
DB ?= sitrep.db
JOBS ?= $(shell nproc)

.PHONY: setup build test demo bench clean format

setup:
	@./scripts/setup

$(BUILD)/build.ninja: CMakeLists.txt
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null

build: setup $(BUILD)/build.ninja
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: build
	@./scripts/demo $(BUILD)/sitrep $(DB)

bench: build
	@./bench/import_throughput.sh $(BUILD)/sitrep

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
